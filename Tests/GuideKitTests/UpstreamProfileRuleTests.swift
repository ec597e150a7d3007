import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge

/// Every rule that rests on application knowledge, on a guide in the upstream format (Hugo
/// front matter, Tested Versions, `sitevar` shortcodes, `{title="…"}` blocks, matched to its
/// profile by file name): the guide as a reader would get it right is clean, and one defect
/// at a time is reported at its place.
@Suite struct UpstreamProfileRuleTests {
    static let domain = #"{{< sitevar name="domain" nojs="example.com" >}}"#
    static let authelia = #"https://{{< sitevar name="subdomain-authelia" nojs="auth" >}}."# + domain

    /// An upstream-shaped guide for `app` (its file name), tested with `release`, whose client
    /// block ends with `client` and whose application section is `application`.
    static func guide(_ app: String, title: String, release: String, host: String, client: String, application: String) -> String {
        """
        ---
        title: "\(title)"
        description: "Integrating \(title) with the Authelia OpenID Connect 1.0 Provider."
        support:
          level: community
          versions: true
          integration: true
        ---

        ## Tested Versions

        - [Authelia]
          - [v4.39.0](https://github.com/authelia/authelia/releases/tag/v4.39.0)
        - [\(title)]
          - [\(release)](https://example.com/releases/\(release))

        {{% oidc-common %}}

        ### Assumptions

        This example makes the following assumptions:

        - __Application Root URL:__ `https://\(host).\(domain)/`
        - __Authelia Root URL:__ `\(authelia)/`
        - __Client ID:__ `\(app)`
        - __Client Secret:__ `insecure_secret`

        ## Configuration

        ### Authelia

        ```yaml {title="configuration.yml"}
        identity_providers:
          oidc:
            ## The other portions of the mandatory OpenID Connect 1.0 configuration go here.
            clients:
              - client_id: '\(app)'
                client_name: '\(title)'
                client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'  # The digest of 'insecure_secret'.
                public: false
                authorization_policy: 'two_factor'
        \(client)
        ```

        ### Application

        \(application)
        """
    }

    static func found(_ text: String, _ file: String) -> [String] {
        findings(text, path: "\(file).md").filter { $0.severity == .error || $0.ruleID.hasPrefix("profile-") || $0.ruleID == "compose-service-shape" }
            .map { "\($0.ruleID)@\($0.location.line)" }
    }

    static func line(_ text: String, _ needle: String) -> Int {
        (text.lineNumbers(containing: needle).first ?? 0)
    }

    // WriteFreely sends Basic and the body at once; the application is given the plaintext.

    static func writefreely(client: String, secret: String = "insecure_secret") -> String {
        guide("writefreely", title: "WriteFreely", release: "v0.15.1", host: "writefreely", client: client, application: """
            ```ini {title="config.ini"}
            [oauth.generic]
            client_id          = writefreely
            client_secret      = \(secret)
            host               = \(authelia)
            display_name       = Authelia
            token_endpoint     = /api/oidc/token
            inspect_endpoint   = /api/oidc/userinfo
            auth_endpoint      = /api/oidc/authorization
            scope              = openid profile email
            ```
            """)
    }

    static let writefreelyClient = """
                redirect_uris:
                  - 'https://writefreely.\(domain)/oauth/callback/generic'
                scopes: ['openid', 'profile', 'email']
        """

    @Test func anApplicationSendingBothMethodsNeedsTheClientToAllowThem() {
        let right = Self.writefreely(client: Self.writefreelyClient + "\n        token_endpoint_auth_method: 'client_secret_basic'\n        allow_multiple_auth_methods: true")
        #expect(Self.found(right, "writefreely").isEmpty, "\(Self.found(right, "writefreely"))")
        let wrong = Self.writefreely(client: Self.writefreelyClient + "\n        token_endpoint_auth_method: 'client_secret_post'")
        #expect(Self.found(wrong, "writefreely") == ["profile-auth-method@\(Self.line(wrong, "token_endpoint_auth_method"))"])
        let digest = Self.writefreely(client: Self.writefreelyClient + "\n        token_endpoint_auth_method: 'client_secret_basic'\n        allow_multiple_auth_methods: true",
                                      secret: "$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng")
        #expect(Self.found(digest, "writefreely").contains("app-secret-digest@\(Self.line(digest, "client_secret      ="))"))
    }

    // Donetick: its OAuth2 settings are enumerated, so a misspelt one is found; its compose
    // file must hold a mapping or a list under environment.

    static func donetick(env: String, compose: String) -> String {
        guide("donetick", title: "Donetick", release: "v0.1.75", host: "donetick", client: """
                    redirect_uris:
                      - 'https://donetick.\(domain)/auth/oauth2'
                    scopes: ['openid', 'profile', 'email']
                    token_endpoint_auth_method: 'client_secret_basic'
            """, application: """
            #### Environment Variables

            ```shell {title=".env"}
            \(env)
            ```

            #### Docker Compose

            ```yaml {title="compose.yml"}
            services:
              donetick:
                image: 'donetick/donetick'
            \(compose)
            ```
            """)
    }

    @Test func aMisspeltSettingAndAnEnvironmentWrittenAsOneString() {
        let env = "DT_OAUTH2_CLIENT_ID=donetick\nDT_OAUTH2_USER_INFO_URL=\(Self.authelia)/api/oidc/userinfo"
        let compose = "    environment:\n      DT_OAUTH2_CLIENT_ID: 'donetick'"
        let right = Self.donetick(env: env, compose: compose)
        #expect(Self.found(right, "donetick").isEmpty, "\(Self.found(right, "donetick"))")
        let misspelt = Self.donetick(env: env.replacingOccurrences(of: "USER_INFO_URL", with: "INFO_URL"), compose: compose)
        #expect(Self.found(misspelt, "donetick") == ["profile-setting-unknown@\(Self.line(misspelt, "DT_OAUTH2_INFO_URL"))"])
        let oneString = Self.donetick(env: env, compose: "    environment:\n      DT_OAUTH2_CLIENT_ID=donetick\n      DT_OAUTH2_NAME=Authelia")
        #expect(Self.found(oneString, "donetick") == ["compose-service-shape@\(Self.line(oneString, "DT_OAUTH2_CLIENT_ID=donetick\n      DT_OAUTH2_NAME") )"])
    }

    // Kanboard never sends PKCE; Mealie (Authlib) reads JSON UserInfo only.

    @Test func aClientRequiringPKCEFromAnApplicationThatNeverSendsIt() {
        let base = Self.guide("kanboard", title: "Kanboard", release: "v1.2.44", host: "kanboard", client: """
                    redirect_uris:
                      - 'https://kanboard.\(Self.domain)/oauth/callback'
                    token_endpoint_auth_method: 'client_secret_post'
            """, application: "1. Install the OAuth2 plugin.\n2. Set:\n   - Client ID: `kanboard`\n")
        #expect(Self.found(base, "kanboard").isEmpty, "\(Self.found(base, "kanboard"))")
        let requiring = base.replacingOccurrences(of: "        token_endpoint_auth_method: 'client_secret_post'",
                                                  with: "        token_endpoint_auth_method: 'client_secret_post'\n        require_pkce: true")
        #expect(Self.found(requiring, "kanboard") == ["profile-pkce@\(Self.line(requiring, "require_pkce"))"])
    }

    @Test func aSignedUserInfoResponseForAnApplicationThatReadsJSON() {
        let base = Self.guide("mealie", title: "Mealie", release: "v2.8.0", host: "mealie", client: """
                    redirect_uris:
                      - 'https://mealie.\(Self.domain)/login'
                    scopes: ['openid', 'profile', 'email', 'groups']
            """, application: "```shell {title=\".env\"}\nOIDC_AUTH_ENABLED=true\nOIDC_CLIENT_ID=mealie\n```\n")
        #expect(Self.found(base, "mealie").isEmpty, "\(Self.found(base, "mealie"))")
        let signed = base.replacingOccurrences(of: "        scopes: ['openid', 'profile', 'email', 'groups']",
                                               with: "        scopes: ['openid', 'profile', 'email', 'groups']\n        userinfo_signed_response_alg: 'RS256'")
        #expect(Self.found(signed, "mealie") == ["profile-userinfo-signed@\(Self.line(signed, "userinfo_signed_response_alg"))"])
    }

    // kube-apiserver reads the groups claim from the ID token kubelogin obtains.

    @Test func aClaimReadFromTheIDTokenThroughAnIntermediary() {
        let base = Self.guide("kubelogin", title: "Kube Login", release: "v1.36.3", host: "kube", client: """
                    redirect_uris:
                      - 'http://localhost:8000'
                    scopes: ['openid', 'groups']
                    public: true
            """, application: "```bash\n--oidc-issuer-url=\(Self.authelia)\n--oidc-client-id=kubelogin\n--oidc-groups-claim=groups\n```\n")
            .replacingOccurrences(of: "        public: false\n", with: "")
            .replacingOccurrences(of: "        client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'  # The digest of 'insecure_secret'.\n", with: "")
        let found = Self.found(base, "kubelogin")
        #expect(found.contains("profile-claims-location@\(Self.line(base, "client_id: 'kubelogin'"))"), "\(found)")
        let withPolicy = base.replacingOccurrences(of: "    clients:\n", with: "    claims_policies:\n      kube:\n        id_token: ['groups']\n    clients:\n")
            .replacingOccurrences(of: "        public: true", with: "        public: true\n        claims_policy: 'kube'")
        #expect(!Self.found(withPolicy, "kubelogin").contains { $0.hasPrefix("profile-claims-location") }, "\(Self.found(withPolicy, "kubelogin"))")
    }

    // django-allauth applications build the callback from the provider id; the advice is
    // written in the guide's own shortcode form.

    @Test func aCallbackBuiltFromAProviderIDIsReportedAtTheEntryInTheGuidesForm() {
        let base = Self.guide("glitchtip", title: "Glitchtip", release: "v4.2", host: "glitchtip", client: """
                    redirect_uris:
                      - 'https://glitchtip.\(Self.domain)/accounts/oidc/authelia/login/callback/'
            """, application: "1. Add a Social Application:\n   - Provider: `OpenID Connect`\n   - Provider ID: `authelia`\n   - Client id: `glitchtip`\n")
        #expect(Self.found(base, "glitchtip").isEmpty, "\(Self.found(base, "glitchtip"))")
        let wrong = base.replacingOccurrences(of: "/accounts/oidc/authelia/login/callback/", with: "/accounts/authelia/login/callback/")
        let finding = findings(wrong, path: "glitchtip.md").first { $0.ruleID == "profile-redirect-uri" }
        #expect(finding?.location.line == Self.line(wrong, "/accounts/authelia/login/callback/"))
        #expect(finding?.help?.contains("'https://glitchtip.\(Self.domain)/accounts/oidc/authelia/login/callback/'") == true, "\(finding?.help ?? "")")
    }

    // The false positives of issue 22, each on a guide of the same shape.

    @Test func aScopeTheApplicationRequestsIsNotAdvisedAway() {
        let dashy = Self.guide("dashy", title: "Dashy", release: "3.1.1", host: "dashy", client: """
                    redirect_uris:
                      - 'https://dashy.\(Self.domain)'
                    scopes: ['openid', 'profile', 'email', 'roles', 'groups']
            """, application: "```yaml {title=\"conf.yml\"}\nappConfig:\n  auth:\n    enableOidc: true\n    oidc:\n      clientId: 'dashy'\n      endpoint: '\(Self.authelia)'\n```\n")
        let scope = findings(dashy, path: "dashy.md").first { $0.ruleID == "client-scope-unknown" }
        #expect(scope?.help?.contains("keep it on the client") == true, "\(String(describing: scope))")
        #expect(scope?.help?.contains("remove") == false)
    }

    // Issue 29: a redirect URI edited to another host, while the assumption and Proxmox's own
    // callback agree, is repaired by `fix` in the guide's own form.

    @Test func fixRepairsACallbackTwoSourcesAgreeOnInTheGuidesForm() throws {
        let guide = Self.guide("proxmox", title: "Proxmox VE", release: "v8.4", host: "proxmox", client: """
                    redirect_uris:
                      - 'https://proxmox.example.org'
                    scopes: ['openid', 'profile', 'email']
            """, application: "1. Datacenter → Permissions → Realms → Add → OpenID Connect Server\n   - Client Key: `insecure_secret`\n")
        let folder = try TemporaryFolder()
        let path = try folder.write("proxmox.md", Data(guide.utf8))
        let run = try CommandLineTests().run(["fix", "--no-config", "--no-cache", path])
        let fixed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(fixed.contains("      - 'https://proxmox.\(Self.domain)'"), "\(run.stderr)")
        #expect(!fixed.contains("example.org"))
        #expect(try CommandLineTests().run(["check", "--no-config", "--no-cache", path]).status == 0)
    }
}
