import GuideDocument
import GuideKnowledge

/// `link-target-missing`: a relative link names a page or file its documentation tree does
/// not have.
struct LinkTargetMissingRule: GuideRule {
    static let description = RuleDescription(
        id: "link-target-missing",
        kind: .syntax,
        severity: .warning,
        summary: "A relative link names a page the documentation tree does not have: the published link is broken.",
        explanation: """
            Hugo, which builds Authelia's documentation, turns a relative link such as \
            `../../../../configuration/identity-providers/openid-connect/clients.md` into the \
            page's address by looking the path up from the folder of the page's own file \
            (`.Page.GetPage` in the site's `render-link.html`); a path that names no page is \
            left as written, and the reader's browser resolves it to an address that does not \
            exist. The usual mistake is one `../` too many or too few. GuideKit resolves every \
            relative link and used reference definition the same way: against the files of \
            the content folder the guide is in, or, for an upstream guide outside a checkout, \
            against the list of files of Authelia's documentation (docs/content at the commit \
            named in `AutheliaDocsPages+Generated.swift`, `scripts/generate-docs-pages`). It \
            suggests the same path with the number of `../` that names an existing page. \
            Guides with no known place (not in a content folder, not upstream) are not \
            checked. `render` writes every link that resolves as an absolute URL.
            """,
        reads: [.text],
        basis: [RuleBasis(.specification, "Hugo, Page.GetPage (a relative path resolves from the page's folder), as authelia/authelia docs/layouts/_markup/render-link.html uses it; the page list is docs/content at the pinned commit")],
        triggeringExamples: [
            """
            ---
            title: "App"
            support:
              level: community
            ---
            Read the [client configuration](↓../../../configuration/identity-providers/openid-connect/clients.md).
            """,
            """
            ---
            title: "App"
            support:
              level: community
            ---
            Read the [client configuration].

            [client configuration]: ↓../../no-such-page.md
            """,
        ],
        nonTriggeringExamples: [
            """
            ---
            title: "App"
            support:
              level: community
            ---
            Read the [client configuration] and the [introduction](../../introduction.md#important-reading).

            [client configuration]: ../../../../configuration/identity-providers/openid-connect/clients.md
            """,
        ],
        fixExamples: [
            FixExample("""
                ---
                title: "App"
                support:
                  level: community
                ---
                Read the [client configuration](↓../../../configuration/identity-providers/openid-connect/clients.md#client_id).
                """, """
                ---
                title: "App"
                support:
                  level: community
                ---
                Read the [client configuration](../../../../configuration/identity-providers/openid-connect/clients.md#client_id).
                """),
        ])

    func check(_ context: CheckContext) -> [Finding] {
        guard let docs = context.docs else { return [] }
        let guide = context.guide
        var repairs: [String: String?] = [:]
        return docs.resolvedLinks(of: guide).compactMap { link, resolution -> Finding? in
            guard case .missing(let path) = resolution else { return nil }
            let looked = path.map { "'\($0)'" } ?? "a folder above the content folder"
            let repair = repairs[link.value] ?? docs.tree.repair(of: link.value, from: docs.page)
            repairs[link.value] = repair
            let help = repair.map { "did you mean '\($0)'?" }
            let result = finding(guide, at: link,
                                 "the link '\(link.value)' names a page that does not exist: from this page's folder it leads to \(looked), which \(docs.tree.description) does not have, so the published link is broken",
                                 help: help, subject: "link \(link.value)")
            guard let repair else { return result }
            return result.with(replacing(guide, link, with: repair, "write the link as '\(repair)'"))
        }
    }
}
