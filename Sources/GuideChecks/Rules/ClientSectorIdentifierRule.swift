import Foundation
import GuideDocument
import GuideKnowledge

/// `client-sector-identifier`: `sector_identifier_uri` is an absolute https URL without
/// fragment or user info (rules SI-1 to SI-4; SI-5 needs the network and is not checked).
struct ClientSectorIdentifierRule: GuideRule {
    static let description = RuleDescription(
        id: "client-sector-identifier",
        kind: .client,
        severity: .error,
        summary: "sector_identifier_uri is not an absolute https URL without fragment or credentials.",
        explanation: """
            With `sector_identifier_uri`, Authelia issues pairwise subject identifiers and \
            fetches the URL at start-up, which must return a JSON array containing every \
            redirect URI of the client. The URL must be absolute (a relative one is only a \
            warning), use https, and carry no #fragment and no user:password@. GuideKit does \
            not fetch it.
            """,
        reads: [.clients],
        basis: [.validator("validateOIDCClientSectorIdentifier", rules: "SI-1 to SI-4")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              sector_identifier_uri: ↓'http://app.example.com/sector.json'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              sector_identifier_uri: ↓'https://user:pass@app.example.com/sector.json'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              sector_identifier_uri: 'https://app.example.com/sector.json'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        context.clients.compactMap { decoded in
            guard let uri = decoded.client.sectorIdentifierURI, !uri.value.isEmpty else { return nil }  // empty = not set
            guard let components = URLComponents(string: uri.value), components.scheme != nil else {
                return finding(context.guide, at: uri.node, "sector_identifier_uri '\(uri.value)' is not absolute", severity: .warning)
            }
            if components.scheme?.lowercased() != "https" {
                return finding(context.guide, at: uri.node, "sector_identifier_uri must use https", help: "use https://")
            }
            if components.fragment != nil {
                return finding(context.guide, at: uri.node, "sector_identifier_uri must not have a #fragment")
            }
            if components.user != nil || components.password != nil {
                return finding(context.guide, at: uri.node, "sector_identifier_uri must not carry a user name or password")
            }
            return nil
        }
    }
}
