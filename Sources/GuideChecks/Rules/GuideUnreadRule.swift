import GuideDocument
import GuideKnowledge

/// `guide-unread`: GuideKit fails closed. A page that looks like an integration guide, from
/// which GuideKit could not read what a check needs, is reported where it gave up, never
/// passed as clean.
struct GuideUnreadRule: GuideRule {
    static let description = RuleDescription(
        id: "guide-unread",
        kind: .syntax,
        severity: .error,
        summary: "An integration guide, or a part of one, that GuideKit could not read (it fails closed).",
        explanation: """
            A checker that passes a page it did not understand is worse than none: the \
            maintainer believes the page was checked. So GuideKit reports, where it gave up: \
            an assumptions section from which no `Label: value` item or table row could be \
            read; a YAML block holding OpenID Connect client keys that is neither an Authelia \
            client (under `identity_providers.oidc.clients`, a list of clients, or one client \
            mapping) nor under an Application heading; and a guide from which nothing \
            checkable was read at all (no assumptions, no client, no application setting). \
            Write the part in a form GuideKit reads (docs/FORMAT.md), or tag a block with its \
            role (`{guide="authelia-client"}`, `{guide="app-settings"}`, or `{guide="ignore"}` \
            for an example that is not configuration). `guidekit check --verbose` shows what \
            was read from each guide. Applies to integration guides only (a reference page's \
            snippets are examples).
            """,
        reads: [.headings],
        basis: [RuleBasis(.guideKit, "the guide format (docs/FORMAT.md): assumptions, the Authelia client and the application's settings are what a check reads")],
        pages: [.guide],
        triggeringExamples: [
            """
            ## Tested Versions

            - Grafana 11

            ↓## Assumptions

            We assume Grafana runs at grafana.example.com and Authelia at auth.example.com.
            """,
            """
            ## Assumptions

            - Client ID: `app`

            ## Authelia

            ```↓yaml
            oidc_client:
              client_id: 'app'
              redirect_uris: ['https://app.example.com/cb']
            ```
            """,
            """
            ↓# Grafana

            ## Tested Versions

            - Grafana 11

            Configure Grafana as its documentation says.
            """,
        ],
        nonTriggeringExamples: [
            """
            ## Assumptions

            | Assumption | Value |
            |---|---|
            | Client ID | `app` |
            """,
            """
            # Choosing an identity provider

            Authelia supports OpenID Connect; see the integration guides.

            ```yaml
            client_id: 'example'
            ```
            """,
        ])

    /// Client keys that only client configuration has; a YAML block holding one is meant as
    /// some client's configuration.
    static let clientKeys = ["client_id:", "redirect_uris:", "client_secret:"]

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        var findings: [Finding] = []
        if let heading = guide.assumptionsHeading, guide.assumptions.isEmpty, guide.clientBlocks.isEmpty {
            // (With a client block, missing-assumptions reports the same section.)
            findings.append(finding(guide, at: heading, length: 2,
                                    "no assumption could be read from this section; GuideKit expected `Label: value` list items or a two-column table",
                                    help: "write items such as '- Client ID: `app`' and '- Application Root URL: `https://app.example.com/`'"))
        }
        for block in guide.codeBlocks where block.role == nil && block.isYAML
            && Self.clientKeys.contains(where: { block.content.containsLiteral($0) }) {
            if case .failure? = block.yaml { continue }  // yaml-syntax reports it
            // A fence line that swallowed the block's first line: fence-swallows-line says why.
            if let rest = block.info.trailingText, FenceSwallowsLineRule.looksLikeContent(rest.value) { continue }
            findings.append(finding(guide, at: block.info.languageLocation ?? block.location, length: block.info.language?.count ?? 3,
                                    "this YAML block holds OpenID Connect client keys, but GuideKit could not place it: it is not an Authelia client (under identity_providers.oidc.clients, a list of clients, or one client mapping) and not under an Application heading",
                                    help: "tag it {guide=\"authelia-client\"}, {guide=\"app-settings\"} or {guide=\"ignore\"}"))
        }
        if guide.assumptions.isEmpty, guide.clients.isEmpty, guide.settings.isEmpty, guide.toggles.isEmpty, findings.isEmpty {
            let place = guide.headings.first?.location ?? SourceLocation(line: 1, column: 1)
            findings.append(finding(guide, at: place, length: 1,
                                    "GuideKit read nothing it can check from this guide (\(context.page.reason)): no assumptions, no Authelia client, no application setting",
                                    help: "write the assumptions, the client and the application's settings in a form GuideKit reads (docs/FORMAT.md), or mark the page 'guidekit_page: reference' if it is not an integration guide"))
        }
        return findings
    }
}
