import GuideDocument
import GuideKnowledge

/// `client-bearer-authz`: clients with the `authelia.bearer.authz` scope meet its constraints
/// (rules BZ-1 to BZ-4, BZ-6, BZ-7, BZ-10).
struct ClientBearerAuthzRule: GuideRule {
    static let description = RuleDescription(
        id: "client-bearer-authz",
        kind: .client,
        severity: .error,
        summary: "A client with scope authelia.bearer.authz breaks one of its constraints.",
        explanation: """
            The `authelia.bearer.authz` scope lets access tokens authorize requests to \
            Authelia-protected apps, so Authelia demands a narrow configuration: only the \
            scopes `authelia.bearer.authz`, `offline_access` and `offline`; explicit \
            `grant_types` among authorization_code, refresh_token and client_credentials; an \
            `audience`; and, unless the client uses client credentials, `require_pkce: true` \
            with `S256` and `consent_mode: explicit`. Public clients must use auth method \
            `none`; confidential ones client_secret_basic, client_secret_jwt or private_key_jwt.
            """,
        reads: [.clients],
        basis: [.validator("validateOIDCClientScopesSpecialBearerAuthz", rules: "BZ-1 to BZ-10")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'api'
              client_secret: '$plaintext$x'
              scopes: ['authelia.bearer.authz', ↓'openid']
              grant_types: ['authorization_code']
              audience: ['https://app.example.com']
              require_pkce: true
              pkce_challenge_method: 'S256'
              consent_mode: 'explicit'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: ↓'api'
              client_secret: '$plaintext$x'
              scopes: ['authelia.bearer.authz']
              grant_types: ['client_credentials']
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'api'
              client_secret: '$plaintext$x'
              scopes: ['authelia.bearer.authz', 'offline_access']
              grant_types: ['authorization_code', 'refresh_token']
              audience: ['https://app.example.com']
              require_pkce: true
              pkce_challenge_method: 'S256'
              consent_mode: 'explicit'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for decoded in context.clients where decoded.client.usesBearerAuthz {
            let client = decoded.client
            func report(_ node: YAMLNode, _ message: String) {
                findings.append(finding(context.guide, at: node, "with scope authelia.bearer.authz, \(message)"))
            }
            for scope in client.scopes ?? [] where !["authelia.bearer.authz", "offline_access", "offline"].contains(scope.value) {
                report(scope.node, "scope '\(scope.value)' is not allowed")
            }
            let grants = client.grantTypes ?? []
            if grants.isEmpty { report(client.anchor, "grant_types must be given explicitly") }
            for grant in grants where !["authorization_code", "refresh_token", "client_credentials"].contains(grant.value) {
                report(grant.node, "grant '\(grant.value)' is not allowed")
            }
            if client.audience.isEmpty { report(client.anchor, "an audience is required") }
            if !client.usesClientCredentials {
                if client.requirePKCE?.value != true || client.pkceChallengeMethod?.value != "S256" {
                    report(client.requirePKCE?.node ?? client.anchor, "require_pkce must be true with pkce_challenge_method 'S256'")
                }
                if client.consentMode?.value != "explicit" {
                    report(client.consentMode?.node ?? client.anchor, "consent_mode must be 'explicit'")
                }
            }
            let method = client.endpointAuthentication[.token]?.method
            let raw = method?.value ?? ""
            if client.isPublicClient ? raw != "none" : !["client_secret_basic", "client_secret_jwt", "private_key_jwt", ""].contains(raw) {
                report(method?.node ?? client.anchor, "token_endpoint_auth_method '\(raw)' is not allowed for this client type")
            }
        }
        return findings
    }
}
