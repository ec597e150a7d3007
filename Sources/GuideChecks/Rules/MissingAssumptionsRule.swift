import GuideDocument
import GuideKnowledge

/// `missing-assumptions`: a guide with Authelia configuration must state its assumptions.
struct MissingAssumptionsRule: GuideRule {
    static let description = RuleDescription(
        id: "missing-assumptions",
        kind: .assumptions,
        severity: .error,
        summary: "The guide configures an Authelia client but states no assumptions.",
        explanation: """
            The Assumptions list (Application Root URL, Authelia Root URL, Client ID, Client \
            Secret, ...) is what both halves of a guide must agree on, and what `render` \
            replaces with a reader's own values. Without it nothing can be cross-checked. Add \
            an "Assumptions" heading followed by a list of `Label: value` items.
            """,
        reads: [.codeBlocks],
        basis: [RuleBasis(.guideKit, "the assumptions list of the guide format (docs/FORMAT.md): every value a reader replaces is stated once")],
        pages: [.guide],
        triggeringExamples: [
            """
            # App
            ```↓yaml {guide="authelia-client"}
            - client_id: 'app'
            ```
            """,
            """
            ### Assumptions

            This guide assumes nothing.

            ```↓yaml
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Client ID: `app`

            ```yaml {guide="authelia-client"}
            - client_id: 'app'
            ```
            """,
            """
            # A guide without Authelia configuration

            ```shell
            systemctl restart app
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        guard guide.assumptions.isEmpty, let block = guide.clientBlocks.first else { return [] }
        let message = guide.assumptionsHeading == nil
            ? "this guide configures an Authelia client but has no Assumptions section"
            : "the Assumptions section (line \(guide.assumptionsHeading!.line)) holds no `Label: value` items"
        return [finding(guide, at: block.info.languageLocation ?? block.location, length: block.info.language?.count ?? 3, message,
                        help: "add '### Assumptions' with items such as '- Client ID: `app`' and '- Application Root URL: `https://app.example.com/`'")]
    }
}
