package dk.skp.intake.rest;

/**
 * The two examples of the public contract, for the OpenAPI document. A test keeps them equal to the shared example
 * files in shared-model, so the documentation cannot drift from what the tests submit.
 */
final class ConcernExamples {

    static final String ANONYMOUS_NEIGHBOUR = """
            {
              "reporter": {
                "role": "NEIGHBOUR",
                "anonymity": "ANONYMOUS",
                "wantsStatusUpdates": false
              },
              "person": {
                "name": null,
                "ageBand": "50_66",
                "gender": "MALE",
                "appearance": "Høj, gråt skæg, går altid i en grøn militærjakke",
                "language": "da",
                "knowsAboutReport": "NO"
              },
              "whereabouts": {
                "address": "Vestergade 12, 2. th.",
                "postcode": "5000",
                "placeDescription": null,
                "usualTimes": "Om morgenen sidder han på bænken ved bagindgangen",
                "regularity": "DAILY"
              },
              "observations": {
                "indicators": [
                  "SOCIAL_ISOLATION",
                  "NEGLECTED_HOME",
                  "CONFUSED_OR_PSYCHOTIC"
                ],
                "description": "Jeg har ikke set ham i to uger. Der lugter fra lejligheden, posten hober sig op, og han råber om natten.",
                "safetyNotes": "Har en stor hund"
              },
              "urgency": "SOON",
              "acuteDanger": false,
              "language": "da"
            }
            """;

    static final String POLICE_PARTNER = """
            {
              "reporter": {
                "role": "POLICE",
                "anonymity": "NAMED",
                "name": "Jens Hansen",
                "organisation": "Fyns Politi, Odense Station",
                "phone": "+45 11 22 33 44",
                "email": "jens.hansen@politi.example",
                "wantsStatusUpdates": true
              },
              "person": {
                "name": "Unknown, calls himself Kim",
                "ageBand": "30_49",
                "gender": "UNKNOWN",
                "appearance": "Sleeps in a blue tent",
                "language": "da",
                "knowsAboutReport": "YES"
              },
              "whereabouts": {
                "address": null,
                "postcode": "5000",
                "placeDescription": "The bushes behind the railway station, north side",
                "usualTimes": "Evenings and nights",
                "regularity": "MOST_DAYS"
              },
              "observations": {
                "indicators": [
                  "HOMELESS",
                  "SUBSTANCE_USE",
                  "REPEATED_EMERGENCY_VISITS"
                ],
                "description": "Picked up three times this month after calls from the public. Not a police matter; needs outreach.",
                "safetyNotes": null
              },
              "urgency": "NORMAL",
              "acuteDanger": false,
              "language": "en"
            }
            """;

    private ConcernExamples() {
    }
}
