import GuideDocument
import GuideKnowledge

/// `profile-pkce`: the client's PKCE requirement is one the application can meet.
struct ProfilePKCERule: GuideRule {
    static let description = RuleDescription(
        id: "profile-pkce",
        kind: .profile,
        severity: .error,
        summary: "The client requires PKCE (or a PKCE method) that the application, as its profile documents it, does not send.",
        explanation: """
            A client with `require_pkce: true`, or with any `pkce_challenge_method`, makes \
            Authelia refuse every authorization request without a `code_challenge`; a client \
            with `pkce_challenge_method` set also refuses a challenge made with another method. \
            The user is sent back to the application with `invalid_request` before Authelia \
            even shows its login page. An application's profile states which challenge it \
            sends (`S256`, `plain` or none) and which of its settings switches it (linkding's \
            `OIDC_USE_PKCE`, Vaultwarden's `SSO_PKCE`); GuideKit compares that with the \
            client. Fix it on either side: make the application send the challenge the client \
            asks for, or relax the client.
            """,
        reads: [.settings, .clients],
        basis: [
            RuleBasis(.application, "pkce of the application's profile, citing its source (docs/PROFILES.md)"),
            RuleBasis(.autheliaRequest, "internal/oidc/client.go: NewClient requires PKCE when require_pkce is true or pkce_challenge_method is set, and requires that method when it is set; RegisteredClient.ValidatePKCEPolicy answers a missing code_challenge, or another code_challenge_method, with invalid_request"),
        ],
        triggeringExamples: [
            linkdingGuide(client: "  require_pkce: ↓true\n", application: "OIDC_USE_PKCE=False\n"),
            linkdingGuide(client: "  pkce_challenge_method: ↓'plain'\n", application: ""),
        ],
        nonTriggeringExamples: [
            linkdingGuide(client: "  require_pkce: true\n  pkce_challenge_method: 'S256'\n", application: "OIDC_USE_PKCE=True\n"),
            linkdingGuide(client: "  require_pkce: false\n", application: "OIDC_USE_PKCE=False\n"),
        ])

    /// A linkding guide whose client ends with `client` and whose `.env` holds `application`.
    private static func linkdingGuide(client: String, application: String) -> String {
        """
        ---
        title: "linkding"
        ---
        ### Assumptions
        - Client ID: `linkding`

        ```yaml {guide="authelia-client"}
        - client_id: 'linkding'
          redirect_uris: ['https://linkding.example.com/oidc/callback/']
        \(client)```

        ### Application
        ```shell {guide="app-settings"}
        LD_ENABLE_OIDC=True
        OIDC_RP_CLIENT_ID=linkding
        \(application)```
        """
    }

    func check(_ context: CheckContext) -> [Finding] {
        guard let profile = context.profile, let pkce = profile.pkce, let client = context.primaryClient,
              let chosen = pkce.resolve(in: context.guide, profile: profile) else { return [] }
        // Authelia's NewClient: a challenge method implies require_pkce.
        let method = client.pkceChallengeMethod.flatMap { $0.value.isEmpty ? nil : $0 }
        let required = client.requirePKCE?.value == true || method != nil
        guard required else { return [] }
        let switchOn = pkce.remedy(selecting: [method?.value ?? "S256"])
        if chosen.value == "none" {
            let written = client.requirePKCE.map { "require_pkce: \($0.value)" } ?? "pkce_challenge_method: '\(method?.value ?? "")'"
            return [finding(context.guide, at: client.requirePKCE?.node ?? method?.node ?? client.anchor,
                            "\(profile.name) sends no PKCE challenge (\(chosen.because)), but client \(client.displayName) requires one (\(written)): Authelia refuses the authorization request with invalid_request",
                            help: "\(switchOn)set require_pkce: false and remove pkce_challenge_method",
                            subject: "pkce none")]
        }
        if let method, method.value != chosen.value {
            return [finding(context.guide, at: method.node,
                            "\(profile.name) sends its PKCE challenge with code_challenge_method=\(chosen.value) (\(chosen.because)), but client \(client.displayName) accepts only \(method.value): Authelia refuses the authorization request with invalid_request",
                            help: "set pkce_challenge_method: '\(chosen.value)'",
                            subject: "pkce \(chosen.value)")]
        }
        return []
    }
}
