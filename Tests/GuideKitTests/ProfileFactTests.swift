import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// The setting-dependent facts of profiles (PKCE, token endpoint authentication), each on a
/// guide shaped like an upstream one, both ways.
@Suite struct ProfileFactTests {
    /// The findings of `rule` on the upstream-shaped Vaultwarden fixture after `edit`.
    static func vaultwarden(_ rule: String, _ edit: (String) -> String = { $0 }) throws -> [Finding] {
        let text = edit(try ProjectFiles.text("Tests/GuideKitTests/Fixtures/upstream/vaultwarden.md"))
        return findings(text, path: "vaultwarden.md").filter { $0.ruleID == rule }
    }

    @Test func theFixtureIsCleanAsWritten() throws {
        #expect(try Self.vaultwarden("profile-pkce").isEmpty)
        #expect(try Self.vaultwarden("profile-auth-method").isEmpty)
    }

    @Test func pkceSwitchedOffWhileTheClientRequiresItIsAnError() throws {
        let text = try ProjectFiles.text("Tests/GuideKitTests/Fixtures/upstream/vaultwarden.md")
        let found = try Self.vaultwarden("profile-pkce") { $0.replacingOccurrences(of: "SSO_PKCE=true", with: "SSO_PKCE=false") }
        #expect(found.count == 1)
        #expect(found.first?.location.line == text.lineNumbers(containing: "require_pkce: true").first)
        #expect(found.first?.message.contains("Authelia refuses the authorization request with invalid_request") == true)
        #expect(found.first?.help?.contains("set SSO_PKCE to 'true'") == true)
        // A method alone requires PKCE too (Authelia's NewClient), and is then the place named.
        let methodOnly = try Self.vaultwarden("profile-pkce") {
            $0.replacingOccurrences(of: "SSO_PKCE=true", with: "SSO_PKCE=false").replacingOccurrences(of: "        require_pkce: true\n", with: "")
        }
        #expect(methodOnly.count == 1)
        #expect(methodOnly.first?.message.contains("pkce_challenge_method: 'S256'") == true)
    }

    @Test func aSettingWithNoStatedDefaultIsNotJudged() throws {
        // Vaultwarden's SSO_PKCE default changed between releases: unset, nothing is known.
        #expect(try Self.vaultwarden("profile-pkce") { $0.replacingOccurrences(of: "SSO_PKCE=true\n", with: "") }.isEmpty)
        // Without require_pkce and method, PKCE off is fine.
        let relaxed = try Self.vaultwarden("profile-pkce") {
            $0.replacingOccurrences(of: "SSO_PKCE=true", with: "SSO_PKCE=false")
                .replacingOccurrences(of: "require_pkce: true", with: "require_pkce: false")
                .replacingOccurrences(of: "        pkce_challenge_method: 'S256'\n", with: "")
        }
        #expect(relaxed.isEmpty)
    }

    @Test func aClientExpectingAnotherAuthMethodIsAnError() throws {
        let found = try Self.vaultwarden("profile-auth-method") {
            $0.replacingOccurrences(of: "token_endpoint_auth_method: 'client_secret_basic'", with: "token_endpoint_auth_method: 'client_secret_post'")
        }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("Vaultwarden sends the client secret with client_secret_basic") == true)
    }

    /// A short guide for `application` with the client's extra lines and the app's `.env`.
    static func guide(_ application: String, client: String, env: String) -> String {
        """
        ---
        application: \(application)
        ---
        ### Assumptions
        - Client ID: `app`

        ```yaml {guide="authelia-client"}
        - client_id: 'app'
        \(client)```

        ### Application
        ```shell {guide="app-settings"}
        \(env)```
        """
    }

    static func ruleIDs(_ text: String) -> [String] {
        findings(text).map(\.ruleID).filter { $0.hasPrefix("profile-pkce") || $0 == "profile-auth-method" }
    }

    @Test func eachStatedAuthMethodIsCompared() {
        // linkding posts the secret (mozilla-django-oidc); Authelia's default is basic.
        #expect(Self.ruleIDs(Self.guide("linkding", client: "", env: "LD_ENABLE_OIDC=True\n")) == ["profile-auth-method"])
        #expect(Self.ruleIDs(Self.guide("linkding", client: "  token_endpoint_auth_method: 'client_secret_post'\n", env: "LD_ENABLE_OIDC=True\n")).isEmpty)
        // BookStack sends HTTP Basic (HttpBasicAuthOptionProvider).
        #expect(Self.ruleIDs(Self.guide("bookstack", client: "  token_endpoint_auth_method: 'client_secret_post'\n", env: "OIDC_CLIENT_ID=app\n")) == ["profile-auth-method"])
        #expect(Self.ruleIDs(Self.guide("bookstack", client: "", env: "OIDC_CLIENT_ID=app\n")).isEmpty)
        // Jellyfin's SSO plugin leaves IdentityModel's PostBody default.
        #expect(Self.ruleIDs(Self.guide("jellyfin", client: "", env: "OidClientId=app\n")) == ["profile-auth-method"])
        #expect(Self.ruleIDs(Self.guide("jellyfin", client: "  token_endpoint_auth_method: 'client_secret_post'\n", env: "OidClientId=app\n")).isEmpty)
        // Mastodon: basic unless OIDC_CLIENT_AUTH_METHOD says otherwise; a value not stated is not judged.
        #expect(Self.ruleIDs(Self.guide("mastodon", client: "  token_endpoint_auth_method: 'client_secret_post'\n", env: "OIDC_CLIENT_AUTH_METHOD=basic\n")) == ["profile-auth-method"])
        #expect(Self.ruleIDs(Self.guide("mastodon", client: "  token_endpoint_auth_method: 'client_secret_post'\n", env: "OIDC_CLIENT_AUTH_METHOD=post\n")).isEmpty)
    }

    @Test func anyMeansEitherRegistrationWorks() {
        // Grafana's AutoDetect (the default) tries HTTP Basic, then the body.
        for method in ["client_secret_basic", "client_secret_post"] {
            let client = "  token_endpoint_auth_method: '\(method)'\n"
            #expect(Self.ruleIDs(Self.guide("grafana", client: client, env: "GF_AUTH_GENERIC_OAUTH_CLIENT_ID=app\n")).isEmpty, "\(method)")
            #expect(Self.ruleIDs(Self.guide("grafana", client: client, env: "GF_AUTH_GENERIC_OAUTH_AUTH_STYLE=AutoDetect\n")).isEmpty, "\(method)")
        }
        #expect(Self.ruleIDs(Self.guide("grafana", client: "", env: "GF_AUTH_GENERIC_OAUTH_AUTH_STYLE=InParams\n")) == ["profile-auth-method"])
        // Mastodon with OIDC_USE_PKCE=true sends a challenge whose method is not stated: only
        // "none" (the default) is judged.
        let requires = "  require_pkce: true\n"
        #expect(Self.ruleIDs(Self.guide("mastodon", client: requires, env: "OIDC_ENABLED=true\n")) == ["profile-pkce"])
        #expect(Self.ruleIDs(Self.guide("mastodon", client: requires, env: "OIDC_USE_PKCE=true\n")).isEmpty)
    }

    @Test func whereClaimsAreReadDecidesWhetherAPolicyIsNeeded() {
        // Guides target the newest Authelia unless they say otherwise: 4.39 and later.
        func claims(_ application: String, _ env: String, client: String = "") -> [String] {
            findings(Self.guide(application, client: client, env: env)).filter { $0.ruleID == "profile-claims-location" }.map(\.message)
        }
        // MinIO reads its policy claim from the ID token unless claim_userinfo is exactly 'on'.
        let minio = "MINIO_IDENTITY_OPENID_CLAIM_NAME=groups\n"
        #expect(claims("minio", minio).first?.contains("the application gets no groups") == true)
        #expect(claims("minio", minio + "MINIO_IDENTITY_OPENID_CLAIM_USERINFO=on\n").isEmpty)
        #expect(claims("minio", minio + "MINIO_IDENTITY_OPENID_CLAIM_USERINFO=off\n").count == 1)
        let policy = "  claims_policy: 'minio'\n"
        #expect(claims("minio", minio, client: policy).isEmpty)  // a policy defined elsewhere is not judged
        // Coder merges the ID token with userinfo unless told to ignore userinfo.
        let coder = "CODER_OIDC_USERNAME_FIELD=preferred_username\n"
        #expect(claims("coder", coder).isEmpty)
        let ignoring = findings(Self.guide("coder", client: "", env: coder + "CODER_OIDC_IGNORE_USERINFO=true\n"))
            .filter { $0.ruleID == "profile-claims-location" }
        #expect(ignoring.first?.message.contains("its CODER_OIDC_IGNORE_USERINFO is 'true'") == true)
        #expect(ignoring.first?.help?.hasPrefix("set CODER_OIDC_IGNORE_USERINFO to 'false', or give the client a claims_policy") == true)
        // Homarr reads the ID token unless AUTH_OIDC_FORCE_USERINFO, and always needs a user name.
        let homarr = claims("homarr", "AUTH_OIDC_CLIENT_ID=app\n")
        #expect(homarr.first?.contains("the application gets no preferred_username") == true)
        #expect(claims("homarr", "AUTH_OIDC_FORCE_USERINFO=true\n").isEmpty)
        // Karakeep's NextAuth provider read the ID token (idToken: true) up to 0.26 and needs
        // the email; from 0.27 it reads userinfo. The guide's Tested Versions decide; without
        // them the releases disagree and nothing is judged.
        func karakeep(_ tested: String) -> [String] {
            findings(Self.guide("karakeep", client: "", env: "OAUTH_CLIENT_ID=app\n") + "\n## Tested Versions\n\n\(tested)\n")
                .filter { $0.ruleID == "profile-claims-location" }.map(\.message)
        }
        #expect(karakeep("- Karakeep v0.26.0").first?.contains("the application gets no email") == true)
        #expect(karakeep("- Karakeep v0.27.1").isEmpty)
        #expect(claims("karakeep", "OAUTH_CLIENT_ID=app\n").isEmpty)
        // Seafile builds the user from the userinfo response only.
        #expect(claims("seafile", "OAUTH_CLIENT_ID = 'app'\n").isEmpty)
        // Harbor and Portainer merge both places: never judged.
        #expect(claims("harbor", "Group_Claim_Name=groups\n").isEmpty)
        #expect(claims("portainer", "User_Identifier=preferred_username\n").isEmpty)
    }

    @Test func portainersAuthStyleIsXOAuth2s() {
        let post = "  token_endpoint_auth_method: 'client_secret_post'\n"
        #expect(Self.ruleIDs(Self.guide("portainer", client: post, env: "Auth_Style=In Header\n")) == ["profile-auth-method"])
        #expect(Self.ruleIDs(Self.guide("portainer", client: post, env: "Auth_Style=In Params\n")).isEmpty)
        #expect(Self.ruleIDs(Self.guide("portainer", client: post, env: "Auth_Style=Auto Detect\n")).isEmpty)
        #expect(Self.ruleIDs(Self.guide("portainer", client: "", env: "Auth_Style=In Params\n")) == ["profile-auth-method"])
    }

    @Test func pocketBaseSendsPKCEUnlessSwitchedOff() {
        let requires = "  require_pkce: true\n"
        #expect(Self.ruleIDs(Self.guide("beszel", client: requires, env: "Support_PKCE=false\n")) == ["profile-pkce"])
        #expect(Self.ruleIDs(Self.guide("beszel", client: requires, env: "Support_PKCE=true\n")).isEmpty)
        #expect(Self.ruleIDs(Self.guide("beszel", client: requires, env: "Client_ID=app\n")).isEmpty)
        // Homarr's token method follows its setting, client_secret_basic by default.
        let post = "  token_endpoint_auth_method: 'client_secret_post'\n"
        #expect(Self.ruleIDs(Self.guide("homarr", client: post, env: "AUTH_OIDC_CLIENT_ID=app\n")) == ["profile-auth-method"])
        #expect(Self.ruleIDs(Self.guide("homarr", client: post, env: "AUTH_OIDC_TOKEN_ENDPOINT_AUTH_METHOD=client_secret_post\n")).isEmpty)
    }

    @Test func aProfileNamesANestedYAMLSettingByItsPath() {
        // Headscale's config.yaml: `pkce: enabled:` under `oidc:`; PKCE is off by default.
        func headscale(_ pkce: String) -> String {
            """
            ---
            application: headscale
            ---
            ### Assumptions
            - Client ID: `app`

            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              require_pkce: true
            ```

            ### Application
            ```yaml {title="config.yaml"}
            oidc:
              client_id: 'app'
            \(pkce)
            # Another 'enabled' elsewhere is not PKCE's.
            derp:
              server:
                enabled: true
            ```
            """
        }
        let off = findings(headscale("  pkce:\n    enabled: false")).filter { $0.ruleID == "profile-pkce" }
        #expect(off.first?.message.contains("(its enabled is 'false')") == true)
        #expect(findings(headscale("  pkce:\n    enabled: true")).filter { $0.ruleID == "profile-pkce" }.isEmpty)
        let unset = findings(headscale("")).filter { $0.ruleID == "profile-pkce" }
        #expect(unset.first?.message.contains("the default when pkce.enabled is not set") == true)
        // The settings of an application's own `oidc:` block stay the application's.
        #expect(parse(headscale("")).settings.map(\.key.value).contains("client_id"))
    }

    @Test func allauthsFetchUserinfoSettingInsideItsJSON() throws {
        // django-allauth reads the userinfo endpoint unless the app's settings turn it off; the
        // setting sits in the JSON of PAPERLESS_SOCIALACCOUNT_PROVIDERS.
        let profile = try #require(try ProfileLoader.bundledResult.get().first { $0.id == "paperless" })
        func claimsFrom(_ fetch: String) throws -> String? {
            let guide = parse(Self.guide("paperless", client: "", env: """
                PAPERLESS_SOCIALACCOUNT_PROVIDERS={"openid_connect":{"APPS":[{"provider_id":"authelia","settings":{\(fetch)"server_url":"https://auth.example.com"}}]}}

                """))
            return try #require(profile.claimsFrom).resolve(in: guide, profile: profile)?.value
        }
        #expect(try claimsFrom("") == "userinfo")
        #expect(try claimsFrom("\"fetch_userinfo\":false,") == "id_token")
        #expect(try claimsFrom("\"fetch_userinfo\":true,") == "userinfo")
    }

    @Test func anyValueOfASettingCanSelectAFact() {
        // Proxmox authenticates with HTTP Basic when a client-key is set, whatever it is, and
        // as a public client when none is.
        #expect(Self.ruleIDs(Self.guide("proxmox", client: "", env: "client-key=s3cret-value\n")).isEmpty)
        let post = findings(Self.guide("proxmox", client: "  token_endpoint_auth_method: 'client_secret_post'\n", env: "client-key=s3cret-value\n"))
            .filter { $0.ruleID == "profile-auth-method" }
        #expect(post.first?.message.contains("(its client-key is set)") == true)
        #expect(post.first?.message.contains("s3cret-value") == false)
        let publicClient = "  public: true\n  token_endpoint_auth_method: 'none'\n"
        #expect(Self.ruleIDs(Self.guide("proxmox", client: publicClient, env: "issuer-url=https://auth.example.com\n")).isEmpty)
        let keyless = findings(Self.guide("proxmox", client: "", env: "issuer-url=https://auth.example.com\n")).filter { $0.ruleID == "profile-auth-method" }
        // The message names where the guide shows Proxmox's settings without a client-key.
        #expect(keyless.first?.message.hasPrefix("Proxmox VE sends no client secret, as a public client (the default when client-key is not set: the application's settings at line 13 leave it out)") == true, "\(keyless)")
        // A guide that shows nothing of Proxmox's configuration gets no verdict from its silence.
        #expect(Self.ruleIDs(Self.guide("proxmox", client: "", env: "").replacingOccurrences(of: "### Application\n```shell {guide=\"app-settings\"}\n```", with: "")).isEmpty)
    }

    @Test func synapsePKCEFollowsPKCEMethod() {
        let requires = "  require_pkce: true\n"
        #expect(Self.ruleIDs(Self.guide("synapse", client: requires, env: "client_id=app\n")).isEmpty)  // auto: S256
        #expect(Self.ruleIDs(Self.guide("synapse", client: requires, env: "pkce_method=never\n")) == ["profile-pkce"])
        #expect(Self.ruleIDs(Self.guide("synapse", client: "  pkce_challenge_method: 'plain'\n", env: "pkce_method=always\n")) == ["profile-pkce"])
    }

    @Test func zammadIsAPublicClientWithAPKCESwitch() {
        let publicClient = "  public: true\n  token_endpoint_auth_method: 'none'\n"
        #expect(Self.ruleIDs(Self.guide("zammad", client: publicClient, env: "Identifier=app\n")).isEmpty)
        let confidential = findings(Self.guide("zammad", client: "", env: "Identifier=app\n")).filter { $0.ruleID == "profile-auth-method" }
        #expect(confidential.first?.message.hasPrefix("Zammad sends no client secret, as a public client") == true)
        #expect(confidential.first?.help?.hasPrefix("make the client public") == true)
        let requires = publicClient + "  require_pkce: true\n"
        #expect(Self.ruleIDs(Self.guide("zammad", client: requires, env: "PKCE=no\n")) == ["profile-pkce"])
        #expect(Self.ruleIDs(Self.guide("zammad", client: requires, env: "PKCE=yes\n")).isEmpty)
        #expect(Self.ruleIDs(Self.guide("zammad", client: requires, env: "Identifier=app\n")).isEmpty)  // default not stated
    }

    @Test func aPKCEMethodOtherThanTheApplicationsIsAnError() {
        let found = findings(Self.guide("linkding", client: "  token_endpoint_auth_method: 'client_secret_post'\n  pkce_challenge_method: 'plain'\n", env: "LD_ENABLE_OIDC=True\n"))
            .filter { $0.ruleID == "profile-pkce" }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("code_challenge_method=S256") == true)
        #expect(found.first?.help == "set pkce_challenge_method: 'S256'")
    }
}

/// Argo CD: settings written as YAML inside a ConfigMap value, the groups it reads from the
/// ID token unless told to ask the userinfo endpoint, and the upstream escape hatch.
@Suite struct ArgoCDProfileTests {
    static let path = "Tests/GuideKitTests/Fixtures/upstream/argocd.md"

    static func errors(_ edit: (String) -> String = { $0 }) throws -> [Finding] {
        findings(edit(try ProjectFiles.text(path)), path: "argocd.md").filter { $0.severity == .error }
    }

    @Test func theFixtureIsCleanAsWritten() throws {
        #expect(try Self.errors().map(\.ruleID) == [])
    }

    @Test func groupsFromTheIDTokenNeedAClaimsPolicy() throws {
        let text = try ProjectFiles.text(Self.path)
        let found = try Self.errors { $0.replacingOccurrences(of: "    enableUserInfoGroups: true\n", with: "") }
        #expect(found.map(\.ruleID) == ["profile-claims-location"])
        #expect(found.first?.location == SourceLocation(line: text.lineNumbers(containing: "- client_id: 'argocd'")[0], column: 20))
        #expect(found.first?.message.contains("the application gets no groups") == true)
        #expect(found.first?.help?.hasPrefix("set enableUserInfoGroups to 'true'") == true)
        // Switched off explicitly: the same.
        #expect(try Self.errors { $0.replacingOccurrences(of: "enableUserInfoGroups: true", with: "enableUserInfoGroups: false") }
            .map(\.ruleID) == ["profile-claims-location"])
    }

    @Test func theEscapeHatchCountsForTheClaimsItNames() throws {
        func withHatch(_ attributes: String) -> (String) -> String {
            { $0.replacingOccurrences(of: "    enableUserInfoGroups: true\n", with: "")
                .replacingOccurrences(of: "### Application\n", with: "{{% oidc-escape-hatch-claims-hydration \(attributes) %}}\n\n### Application\n") }
        }
        #expect(try Self.errors(withHatch("client_id=\"argocd\" claims=\"groups,email\"")).isEmpty)
        #expect(try Self.errors(withHatch("client_id=\"argocd\"")).isEmpty)
        #expect(try Self.errors(withHatch("client_id=\"argocd\" claims=\"email\"")).map(\.ruleID) == ["profile-claims-location"])
        #expect(try Self.errors(withHatch("client_id=\"other\" claims=\"groups\"")).map(\.ruleID) == ["profile-claims-location"])
    }

    @Test func aPolicyGivenInALaterBlockForTheSameClientCounts() throws {
        let policy = """
            ```yaml {title="configuration.yml"}
            identity_providers:
              oidc:
                claims_policies:
                  argocd:
                    id_token: [CLAIMS]
                clients:
                  - client_id: 'argocd'
                    claims_policy: 'argocd'
            ```

            ### Application
            """
        func with(_ claims: String) throws -> [Finding] {
            try Self.errors { $0.replacingOccurrences(of: "    enableUserInfoGroups: true\n", with: "")
                .replacingOccurrences(of: "### Application\n", with: policy.replacingOccurrences(of: "CLAIMS", with: claims) + "\n") }
        }
        #expect(try with("'groups'").isEmpty)
        let short = try with("'email'")
        #expect(short.map(\.ruleID) == ["profile-claims-location"])
        // Reported at the policy that lacks the claim, not at the first block's client.
        #expect(short.first?.location.line == (try ProjectFiles.text(Self.path).lineNumbers(containing: "### Application").first).map { $0 + 8 })
    }

    @Test func settingsInsideTheConfigMapValueAreCheckedInPlace() throws {
        let text = try ProjectFiles.text(Self.path)
        let line = text.lineNumbers(containing: "    clientID: 'argocd'")[0]
        let found = try Self.errors { $0.replacingOccurrences(of: "    clientID: 'argocd'", with: "    clientID: 'argo'") }
        #expect(found.map(\.ruleID) == ["app-setting-mismatch"])
        #expect(found.first.map { [$0.location.line, $0.location.column] } == [line, 16])
        let pkceOff = try Self.errors { $0.replacingOccurrences(of: "enablePKCEAuthentication: true", with: "enablePKCEAuthentication: false") }
        #expect(pkceOff.map(\.ruleID) == ["profile-pkce"])
        #expect(pkceOff.first?.help?.contains("set enablePKCEAuthentication to 'true'") == true)
    }
}

/// Issue 29: a profile default that one of the application's settings overrides gives no
/// verdict on a guide that shows none of the application's configuration.
struct NoVerdictFromSilenceTests {
    static func clientOnly(_ application: String, _ client: String) -> String {
        "---\napplication: \(application)\nauthelia_version: \"4.39\"\n---\n### Assumptions\n- Client ID: `app`\n\n```yaml {guide=\"authelia-client\"}\n- client_id: 'app'\n\(client)```\n"
    }

    @Test func everySettingDependentDefaultIsSilentWithoutTheApplicationsConfiguration() {
        // Mastodon's PKCE (OIDC_USE_PKCE), Homarr's claims (AUTH_OIDC_FORCE_USERINFO),
        // Synapse's auth method (client_auth_method), Proxmox's (client-key), and an
        // application's default scopes (the scopes it asks for when none are configured).
        let cases: [(String, String, String)] = [
            ("mastodon", "  require_pkce: true\n", "profile-pkce"),
            ("homarr", "  scopes: ['openid', 'profile']\n", "profile-claims-location"),
            ("synapse", "  client_secret: 'insecure_secret'\n  token_endpoint_auth_method: 'client_secret_post'\n", "profile-auth-method"),
            ("proxmox", "  client_secret: 'insecure_secret'\n", "profile-auth-method"),
            // Actual Budget's default scopes (openid email profile) against a client that allows openid only.
            ("actual-budget", "  scopes: ['openid']\n", "app-scopes"),
        ]
        for (application, client, rule) in cases {
            let silent = findings(Self.clientOnly(application, client)).filter { $0.ruleID == rule }
            #expect(silent.isEmpty, "\(application): \(silent.map(\.message))")
            // The same guide showing the application's configuration without the setting gets it.
            let shown = Self.clientOnly(application, client) + "\n### Application\n```shell {guide=\"app-settings\"}\nUNRELATED_SETTING=1\n```\n"
            #expect(findings(shown).contains { $0.ruleID == rule }, "\(application): \(rule) once the configuration is shown")
        }
    }
}
