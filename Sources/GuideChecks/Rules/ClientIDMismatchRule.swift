import GuideDocument
import GuideKnowledge

/// `client-id-mismatch`: the Authelia client's `client_id` is the Client ID assumption.
struct ClientIDMismatchRule: GuideRule {
    static let description = RuleDescription(
        id: "client-id-mismatch",
        kind: .crossCheck,
        severity: .error,
        summary: "The Authelia client_id differs from the Client ID assumption.",
        explanation: """
            The application sends the Client ID it was given; Authelia looks it up among its \
            clients. If the YAML and the assumptions disagree, one half of the guide is wrong \
            and login fails with 'invalid_client'. In guides with several clients, the \
            assumption must name one of them.
            """,
        reads: [.assumptions, .clients],
        basis: [
            RuleBasis(.guideConsistency, "the Client ID assumption against the client_id of the Authelia client block"),
            RuleBasis(.autheliaRequest, "a request names its client by client_id; an id Authelia does not know fails client authentication with invalid_client (RFC 6749, 5.2)"),
        ],
        triggeringExamples: [
            """
            ### Assumptions
            - Client ID: `proxmox`

            ```yaml {guide="authelia-client"}
            - client_id: ↓'pve'
            ```
            """,
            """
            ### Assumptions
            - Client ID: `proxmox`

            ```yaml
            identity_providers:
              oidc:
                clients:
                  - id: ↓proxmox-ve
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Client ID: `proxmox`

            ```yaml {guide="authelia-client"}
            - client_id: 'proxmox'
            ```
            """,
            """
            ### Assumptions
            - Client ID: `argocd`

            ```yaml {guide="authelia-client"}
            - client_id: 'argocd'
            - client_id: 'argocd-cli'
            ```
            """,
        ],
        fixExamples: [
            FixExample(
                """
                ### Assumptions
                - Client ID: `app`

                ```yaml {guide="authelia-client"}
                - client_id: ↓'ap'
                ```

                """,
                """
                ### Assumptions
                - Client ID: `app`

                ```yaml {guide="authelia-client"}
                - client_id: 'app'
                ```

                """),
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        guard let assumption = guide.assumption(.clientID), let expected = assumption.value?.text else { return [] }
        let ids = guide.clients.compactMap(\.clientID).filter { $0.string != nil }
        guard let first = ids.first, !ids.contains(where: { $0.string == expected }) else { return [] }
        let line = assumption.rawValue?.location.line ?? assumption.label.location.line
        return [finding(guide, at: first,
                        "client_id '\(first.string!)' differs from the Client ID assumption '\(expected)' (line \(line))",
                        help: "use '\(expected)' here, or change the assumption if the guide means '\(first.string!)'")
                    .with(replacing(guide, first, with: expected, "set client_id to the Client ID assumption '\(expected)'"))]
    }
}
