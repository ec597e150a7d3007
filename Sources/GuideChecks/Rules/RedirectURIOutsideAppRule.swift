import GuideDocument
import GuideKnowledge

/// `redirect-uri-outside-app`: every redirect URI belongs to the application.
struct RedirectURIOutsideAppRule: GuideRule {
    static let description = RuleDescription(
        id: "redirect-uri-outside-app",
        kind: .crossCheck,
        severity: .error,
        summary: "A redirect URI is not at or below the Application Root URL.",
        explanation: """
            Authelia sends the browser back to a registered redirect URI after login, and \
            compares it byte for byte with the one the application sends. A redirect URI on \
            another scheme, host or port than the Application Root URL, or outside its path, \
            means one of the two was not updated.

            How URLs compare: scheme and host ignore case, a missing port equals the scheme's \
            default (443 for https, 80 for http), and trailing slashes never matter, so \
            `https://proxmox.example.com` is within `https://proxmox.example.com/`. A path on \
            the root URL (`https://example.com/app/`) must be a whole-segment prefix of the \
            redirect URI's path. Loopback URIs (`localhost`, `127.0.0.1`, `[::1]`) and \
            non-web schemes (`com.example.app:/cb`, `urn:ietf:wg:oauth:2.0:oob`) belong to \
            native or command-line clients and are not compared. An application served under \
            several addresses states each as an Application Root URL with a note \
            (`Application Root URL (internal)`); a redirect URI under any of them belongs to it.
            """,
        reads: [.assumptions, .clients],
        basis: [RuleBasis(.guideConsistency, "the Application Root URL assumption against the client's redirect_uris")],
        triggeringExamples: [
            """
            ### Assumptions
            - Application Root URL: `https://proxmox.example.com/`

            ```yaml {guide="authelia-client"}
            - client_id: 'proxmox'
              redirect_uris:
                - ↓'https://pve.example.com'
            ```
            """,
            """
            ### Assumptions
            - Application Root URL: `https://proxmox.example.com/`

            ```yaml {guide="authelia-client"}
            - client_id: 'proxmox'
              redirect_uris: ↓'http://proxmox.example.com'
            ```
            """,
            """
            ### Assumptions
            - Application Root URL: `https://example.com/grafana/`

            ```yaml {guide="authelia-client"}
            - client_id: 'grafana'
              redirect_uris:
                - ↓'https://example.com/login/generic_oauth'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Application Root URL: `https://grafana.example.com/`
            - Application Root URL (internal): `http://grafana.lan:3000/`

            ```yaml {guide="authelia-client"}
            - client_id: 'grafana'
              redirect_uris:
                - 'https://grafana.example.com/login/generic_oauth'
                - 'http://grafana.lan:3000/login/generic_oauth'
            ```
            """,
            """
            ### Assumptions
            - Application Root URL: `https://proxmox.example.com/`

            ```yaml {guide="authelia-client"}
            - client_id: 'proxmox'
              redirect_uris:
                - 'https://proxmox.example.com'
                - 'https://PROXMOX.example.com:443/'
            ```
            """,
            """
            ### Assumptions
            - Application Root URL: `https://example.com/grafana`

            ```yaml {guide="authelia-client"}
            - client_id: 'grafana'
              redirect_uris:
                - 'https://example.com/grafana/login/generic_oauth'
                - 'http://localhost:8085/auth/callback'
                - 'com.example.app:/oauth2redirect'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        guard let root = guide.assumption(.applicationRootURL)?.value?.url else { return [] }
        // An application served under several addresses states each as a root (assumption-conflict).
        let roots = guide.assumptions.filter { $0.kind == .applicationRootURL }.compactMap(\.value?.url)
        var findings: [Finding] = []
        for client in guide.clients {
            for node in client.redirectURIs {
                guard let text = node.string, let uri = WebURL(text), !uri.isLoopback else { continue }
                guard !roots.contains(where: uri.isWithin) else { continue }
                findings.append(finding(guide, at: node,
                                        "redirect URI '\(text)' is outside the Application Root URL '\(root.text)': \(difference(uri, root))",
                                        help: "the application's callback must be under '\(root.origin)\(root.normalizedPath)'"))
            }
        }
        return findings
    }

    private func difference(_ uri: WebURL, _ root: WebURL) -> String {
        if uri.scheme != root.scheme { return "scheme '\(uri.scheme)' instead of '\(root.scheme)'" }
        if uri.host != root.host { return "host '\(uri.host)' instead of '\(root.host)'" }
        if uri.effectivePort != root.effectivePort { return "port \(uri.effectivePort) instead of \(root.effectivePort)" }
        return "path '\(uri.path)' is not under '\(root.normalizedPath)/'"
    }
}
