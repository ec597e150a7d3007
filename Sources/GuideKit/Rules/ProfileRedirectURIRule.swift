import Foundation

/// `profile-redirect-uri`: the client registers, exactly, the redirect URI the application
/// will send, as its profile documents it.
struct ProfileRedirectURIRule: GuideRule {
    static let description = RuleDescription(
        id: "profile-redirect-uri",
        severity: .error,
        summary: "The client does not register the exact redirect URI the application sends.",
        explanation: """
            Each application builds its redirect URI in its own way: Proxmox VE sends the \
            browser's origin (`https://proxmox.example.com`, no slash), Grafana \
            `<root>/login/generic_oauth`, Gitea `<root>/user/oauth2/<source name>/callback`. \
            Authelia compares redirect URIs byte for byte, so with an application profile \
            GuideKit derives the URI from the Application Root URL and requires it among the \
            client's `redirect_uris`, exactly (a trailing slash is a different URI). \
            `guidekit profiles` lists the applications GuideKit knows.
            """,
        reads: [.clients],
        basis: [
            RuleBasis(.application, "the callback path template of the application's profile, each citing the application's documentation (docs/PROFILES.md)"),
            RuleBasis(.autheliaRequest, "exact redirect URI comparison (authelia.com/provider/oauth2, authorize_helper.go)"),
        ],
        triggeringExamples: [
            """
            ---
            application: proxmox
            ---
            ### Assumptions
            - Application Root URL: `https://proxmox.example.com/`
            - Client ID: `proxmox`

            ```yaml {guide="authelia-client"}
            - client_id: 'proxmox'
              ↓redirect_uris: ['https://proxmox.example.com/']
            ```
            """,
            """
            ---
            application: grafana
            ---
            ### Assumptions
            - Application Root URL: `https://grafana.example.com/`
            - Client ID: `grafana`

            ```yaml {guide="authelia-client"}
            - client_id: 'grafana'
              ↓redirect_uris: ['https://grafana.example.com/login/oauth']
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ---
            application: proxmox
            ---
            ### Assumptions
            - Application Root URL: `https://proxmox.example.com/`
            - Client ID: `proxmox`

            ```yaml {guide="authelia-client"}
            - client_id: 'proxmox'
              redirect_uris: ['https://proxmox.example.com', 'https://pve1.example.com:8006']
            ```
            """,
            """
            ---
            application: gitea
            ---
            ### Assumptions
            - Application Root URL: `https://git.example.com/`
            - Client ID: `gitea`
            - Authentication Name (Gitea): `authelia`

            ```yaml {guide="authelia-client"}
            - client_id: 'gitea'
              redirect_uris: ['https://git.example.com/user/oauth2/authelia/callback']
            ```
            """,
        ],
        fixExamples: [
            FixExample(
                """
                ---
                application: proxmox
                ---
                ### Assumptions
                - Application Root URL: `https://app.example.com/`
                - Authelia Root URL: `https://auth.example.com/`
                - Client ID: `app`

                ```yaml {guide="authelia-client"}
                - client_id: 'app'
                  ↓redirect_uris: ['https://app.example.com/']
                ```

                """,
                """
                ---
                application: proxmox
                ---
                ### Assumptions
                - Application Root URL: `https://app.example.com/`
                - Authelia Root URL: `https://auth.example.com/`
                - Client ID: `app`

                ```yaml {guide="authelia-client"}
                - client_id: 'app'
                  redirect_uris: ['https://app.example.com']
                ```

                """),
        ])

    func check(_ context: CheckContext) -> [Finding] {
        guard let profile = context.profile, let root = context.guide.assumption(.applicationRootURL)?.value?.url else { return [] }
        let expectedID = context.guide.assumption(.clientID)?.value?.text
        var targets = context.clients.map(\.client).filter { $0.clientID?.value == expectedID }
        if targets.isEmpty { targets = context.clients.map(\.client) }
        // A block that repeats a client only to add settings (forgejo's claims policy) has
        // no redirect_uris of its own; the blocks that do are the ones to check.
        if targets.contains(where: { !$0.redirectURIs.isEmpty }) { targets.removeAll { $0.redirectURIs.isEmpty } }
        var findings: [Finding] = []
        for requirement in profile.redirectURIs {
            let alternatives = requirement.alternatives.compactMap { expand($0, root: root, guide: context.guide) }
            guard alternatives.count == requirement.alternatives.count else { continue }  // an assumption is missing
            for client in targets {
                let registered = client.redirectURIs.map(\.value)
                guard !registered.contains(where: alternatives.contains) else { continue }
                let anchor = client.node.keyNode("redirect_uris") ?? client.anchor
                let wanted = alternatives.map { "'\($0)'" }.joined(separator: " or ")
                let near = registered.first { uri in alternatives.contains { WebURL.areEquivalent($0, uri) } }
                let message = near.map { "\(profile.name) sends \(wanted), but client \(client.displayName) registers '\($0)'; Authelia compares redirect URIs exactly" }
                    ?? "\(profile.name) sends the redirect URI \(wanted), which client \(client.displayName) does not register"
                // A near miss (trailing slash, case) has exactly one right spelling: fixable.
                let nearNode = near.flatMap { value in client.redirectURIs.first { $0.value == value }?.node }
                let expected = near.flatMap { value in alternatives.first { WebURL.areEquivalent($0, value) } }
                let fix = nearNode.flatMap { node in expected.flatMap { replacing(context.guide, node, with: $0, "register exactly '\($0)'") } }
                findings.append(finding(context.guide, at: anchor, message, help: "add \(alternatives[0]) to redirect_uris").with(fix))
            }
        }
        return findings
    }

    /// Fills a template from the Application Root URL and the assumptions; `nil` when it
    /// needs an assumption the guide does not state.
    func expand(_ template: String, root: WebURL, guide: Guide) -> String? {
        var text = template.replacingOccurrences(of: "{origin}", with: root.origin)
            .replacingOccurrences(of: "{root}", with: root.origin + root.normalizedPath)
        while let open = text.range(of: "{assumption:"), let close = text[open.upperBound...].firstIndex(of: "}") {
            let label = AssumptionKind.normalize(String(text[open.upperBound..<close]))
            guard let value = guide.assumptions.first(where: { AssumptionKind.normalize($0.label.value) == label })?.rawValue?.value else {
                return nil
            }
            text.replaceSubrange(open.lowerBound...close, with: value)
        }
        return text
    }
}
