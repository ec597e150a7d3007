import GuideDocument
import GuideKnowledge

/// `profile-auth-method`: the client expects the token endpoint authentication the
/// application really sends.
struct ProfileAuthMethodRule: GuideRule {
    static let description = RuleDescription(
        id: "profile-auth-method",
        kind: .profile,
        severity: .error,
        summary: "The client's token_endpoint_auth_method is not the method the application sends (as its profile documents it).",
        explanation: """
            Authelia accepts a token request only when the client authenticates the way its \
            registration says: `client_secret_basic` (the secret in the HTTP Authorization \
            header), `client_secret_post` (in the request body), and so on; any other way is \
            answered with `invalid_client` and the login fails after the user has signed in. \
            An application's profile can state which method it sends — a fixed one, or the \
            one a setting of its own selects (Synapse's `client_auth_method`, default \
            `client_secret_basic`, per Synapse's configuration documentation; Grafana's \
            `auth_style`, where `InHeader` is basic and `InParams` is post, and \
            `AutoDetect` tries both). GuideKit compares it with the client's \
            `token_endpoint_auth_method` after Authelia's default (`client_secret_basic` for \
            confidential clients, `none` for public ones). A default that one of the \
            application's settings overrides is judged only when the guide shows the \
            application's configuration and leaves that setting out; a guide that shows none \
            of it says nothing about the setting.

            Some applications send the secret in the Authorization header and in the body at \
            once (`basic_and_post` in their profile). Authelia's client authentication counts \
            that as two methods and answers `invalid_request` unless the client sets \
            `allow_multiple_auth_methods: true`; with it, the request counts as \
            `client_secret_basic`, so that must be the registered method too.
            """,
        reads: [.clients],
        basis: [
            RuleBasis(.application, "token_auth_method of the application's profile, citing its documentation (docs/PROFILES.md)"),
            .validator("validateOIDCClientTokenEndpointAuth", rules: "EA-0 (client_secret_basic by default for a confidential client)"),
            RuleBasis(.autheliaRequest, "two methods in one token request: authelia/oauth2-provider v0.2.31 (Authelia v4.39.20) client_authentication_strategy.go DefaultClientAuthenticationStrategy.authenticate (invalid_request unless the client's GetAllowMultipleAuthenticationMethods, internal/oidc/client.go)"),
        ],
        triggeringExamples: [
            synapseGuide + """
                        token_endpoint_auth_method: ↓'client_secret_post'
                ```
                """ + """

            ### Application
            ```yaml {guide="app-settings"}
            oidc_providers:
              - idp_id: authelia
                client_id: 'synapse'
            ```
            """,
            bothMethodsGuide + """
                      - client_id: 'writer'
                        client_secret: 'insecure_secret'
                        token_endpoint_auth_method: ↓'client_secret_basic'
                ```
                """,
        ],
        nonTriggeringExamples: [
            // The guide shows nothing of Synapse's configuration: its client_auth_method may be
            // set there, so the default is no verdict.
            synapseGuide + """
                        token_endpoint_auth_method: 'client_secret_post'
                ```
                """,
            synapseGuide + """
                        token_endpoint_auth_method: 'client_secret_post'
                ```
                """ + """

            ### Application
            ```yaml {guide="app-settings"}
            oidc_providers:
              - idp_id: authelia
                client_auth_method: client_secret_post
            ```
            """,
            bothMethodsGuide + """
                      - client_id: 'writer'
                        client_secret: 'insecure_secret'
                        token_endpoint_auth_method: 'client_secret_basic'
                        allow_multiple_auth_methods: true
                ```
                """,
        ])

    /// A guide for an application that sends Basic and the body at once (WriteFreely's
    /// generic OAuth, from its profile), up to its client list.
    private static let bothMethodsGuide = """
        ---
        application: writefreely
        ---
        ### Assumptions
        - Client ID: `writer`

        ```yaml {guide="authelia-client"}
        identity_providers:
          oidc:
            clients:

        """

    /// A Synapse guide up to the client's last key, for the examples above.
    private static let synapseGuide = """
        ---
        application: synapse
        ---
        ### Assumptions
        - Client ID: `synapse`

        ```yaml {guide="authelia-client"}
        identity_providers:
          oidc:
            clients:
              - client_id: 'synapse'
                client_secret: 'insecure_secret'
                authorization_policy: 'one_factor'
                redirect_uris: ['https://synapse.example.com/_synapse/client/oidc/callback']

        """

    func check(_ context: CheckContext) -> [Finding] {
        guard let profile = context.profile, let method = profile.tokenAuthMethod,
              let client = context.primaryClient else { return [] }
        let guide = context.guide
        guard let chosen = method.resolve(in: guide, profile: profile) else { return [] }
        let setting = chosen.setting
        let expected = client.effectiveAuthMethod(.token)
        if chosen.value == ApplicationProfile.SettingChoice.basicAndPost {
            return bothMethods(context, client: client, chosen: chosen, registered: expected)
        }
        guard expected != chosen.value else { return [] }
        let written = client.endpointAuthentication[.token]?.method
        let anchor = written?.node ?? client.anchor
        return [finding(guide, at: anchor,
                        "\(profile.name) \(chosen.value == "none" ? "sends no client secret, as a public client" : "sends the client secret with \(chosen.value)") (\(chosen.because)), but client \(client.displayName) expects \(expected): the token request fails with invalid_client",
                        help: "\(chosen.value == "none" ? "make the client public (public: true, no client_secret) with " : "set ")token_endpoint_auth_method: '\(chosen.value)'\(setting.map { ", or change \($0.key.value)" } ?? "")",
                        subject: "token auth \(chosen.value)")]
    }

    /// The application sends Basic and the body at once: Authelia needs the client to allow
    /// several methods, and then reads the request as client_secret_basic.
    private func bothMethods(_ context: CheckContext, client: OIDCClient, chosen: (value: String, because: String, setting: AppSetting?),
                             registered: String) -> [Finding] {
        let allowed = client.allowMultipleAuthMethods?.value == true
        guard !allowed || registered != "client_secret_basic" else { return [] }
        let profile = context.profile!
        let message = allowed
            ? "\(profile.name) sends the client secret in the Authorization header and in the request body at once (\(chosen.because)); Authelia then reads the request as client_secret_basic, but client \(client.displayName) expects \(registered): the token request fails with invalid_client"
            : "\(profile.name) sends the client secret in the Authorization header and in the request body at once (\(chosen.because)); Authelia refuses a token request with two authentication methods (invalid_request) unless client \(client.displayName) sets allow_multiple_auth_methods: true"
        return [finding(context.guide, at: client.endpointAuthentication[.token]?.method?.node ?? client.anchor, message,
                        help: "set allow_multiple_auth_methods: true and token_endpoint_auth_method: 'client_secret_basic' on the client",
                        subject: "token auth basic_and_post")]
    }
}
