import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Hand-written fixtures with the shape of tricky cases from the upstream guides, so the
/// project's tests cover them without the corpus.
struct CrossCheckTests {
    static let assumptions = """
        ### Assumptions
        - __Application Root URL:__ `https://app.{{< sitevar name="domain" nojs="example.com" >}}/`
        - __Authelia Root URL:__ `https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}/`
        - __Client ID:__ `app`
        - __Client Secret:__ `insecure_secret`

        """

    static func client(_ extra: String = "") -> String {
        """
        ```yaml {title="configuration.yml"}
        identity_providers:
          oidc:
            clients:
              - client_id: 'app'
                client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'  # The digest of 'insecure_secret'.
                redirect_uris:
                  - 'https://app.{{< sitevar name="domain" nojs="example.com" >}}/oauth/callback'
                scopes: ['openid', 'profile', 'email']\(extra)
        ```

        """
    }

    /// The steps below type hosts literally for brevity, which `template-leak` reports in a
    /// guide with site variables; that rule has its own examples, so it is left out here.
    func ruleIDs(_ application: String, client: String = client(), path: String = "app.md") -> [String] {
        findings(Self.assumptions + client + "### Application\n\n" + application + "\n", path: path).map(\.ruleID)
            .filter { $0 != "template-leak" }
    }

    @Test func cleanGenericGuide() {
        #expect(ruleIDs("""
            ```shell {title=".env"}
            APP_URL=https://app.{{< sitevar name="domain" nojs="example.com" >}}
            OIDC_CLIENT_ID=app
            OIDC_CLIENT_SECRET=insecure_secret
            OIDC_ISSUER=https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}.{{< sitevar name="domain" nojs="example.com" >}}
            OIDC_TOKEN_URL=https://auth.example.com/api/oidc/token
            OIDC_SCOPES=openid profile email
            OIDC_USERNAME_CLAIM=preferred_username
            OIDC_REDIRECT_URI=https://app.example.com/oauth/callback
            OPENID_SESSION_SECRET=something_else
            ```
            """) == [])
    }

    @Test func wrongEndpointPathIsCaughtWithTheRightOneSuggested() throws {
        let marked = MarkedText(Self.assumptions + Self.client() + "### Application\n\n- Authorize URL: `https://auth.example.com↓/api/oidc/authorize`\n")
        let finding = try #require(findings(marked.text).first { $0.ruleID == "authelia-url" })
        #expect(finding.message.contains("did you mean '/api/oidc/authorization'?"))
        #expect(finding.location == marked.marker)  // the path, after the origin
    }

    @Test func issuerGivenAsDiscoveryURLIsFine() {
        // librechat, wapy-dev: an "issuer" setting holding the discovery document's URL.
        #expect(ruleIDs("- OpenID Issuer: `https://auth.example.com/.well-known/openid-configuration`") == [])
    }

    @Test func scopesTheClientDoesNotAllow() {
        #expect(ruleIDs("- Scopes: `openid profile email groups`") == ["app-scopes"])
        // Percent-encoded (opencloud) and comma-separated lists are understood.
        #expect(ruleIDs("```ini\nscope=openid%20profile\n```") == [])
    }

    @Test func claimsNeedTheirScope() {
        #expect(ruleIDs("- Scopes: `openid email`\n- Username Claim: `preferred_username`") == ["app-claim-scope"])
        // Only additional scopes (bookstack): the application's defaults are unknown, so the
        // client's scopes decide.
        #expect(ruleIDs("- Additional Scopes: `email`\n- Display Name Claim: `name`") == [])
        #expect(ruleIDs("- Groups Claim: `groups`") == ["app-claim-scope"])
    }

    @Test func redirectAndBaseURL() {
        #expect(ruleIDs("- Redirect URI: `https://app.example.com/oauth/callback/`") == ["app-redirect-uri"])
        #expect(ruleIDs("- Base URL: `https://app.example.org`") == ["app-base-url"])
        // A provider base URL under an oidc section (wg-portal, RomM) is Authelia's, not the app's.
        #expect(ruleIDs("```yaml\nauth:\n  oidc:\n    - base_url: https://auth.example.com\n```") == [])
        // Templated values (komga) are not compared.
        #expect(ruleIDs("```yaml\nredirect-uri: \"{baseUrl}/login/oauth2/code/authelia\"\n```") == [])
    }

    @Test func clientKeyMeansIdOrSecret() {
        // Opengist's OG_OIDC_CLIENT_KEY is the client id; Proxmox's Client Key is the secret.
        #expect(ruleIDs("- OG_OIDC_CLIENT_KEY: `app`\n- Client Key: `insecure_secret`") == [])
        #expect(ruleIDs("- Client Key: `other`") == ["app-setting-mismatch"])
    }

    @Test func supplementaryBlockForTheSameClient() {
        // forgejo: a second block repeats the client only to add a claims policy and a scope.
        let second = """

            ```yaml
            identity_providers:
              oidc:
                claims_policies:
                  app:
                    custom_claims: {}
                scopes:
                  app_extra:
                    claims: []
                clients:
                  - client_id: 'app'
                    claims_policy: 'app'
                    scopes: ['app_extra']
            ```

            """
        #expect(ruleIDs("- Scopes: `openid app_extra`", client: Self.client() + second) == [])
    }

    @Test func profileMakesRedirectExact() {
        let grafana = Self.assumptions.replacingOccurrences(of: "app.{{", with: "grafana.{{")
        let client = Self.client().replacingOccurrences(of: "app.{{< sitevar name=\"domain\" nojs=\"example.com\" >}}/oauth/callback",
                                                        with: "grafana.{{< sitevar name=\"domain\" nojs=\"example.com\" >}}/login/generic_oauth/")
        let ids = findings(grafana + client + "### Application\n\n```ini\nauth_style = InHeader\n```\n", path: "grafana.md").map(\.ruleID)
        #expect(ids == ["profile-redirect-uri"])
    }
}
