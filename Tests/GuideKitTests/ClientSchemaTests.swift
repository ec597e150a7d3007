import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// The typed client model and the version-aware key table.
struct ClientSchemaTests {
    func context(_ yaml: String, version: String? = nil, assumptions: String = "") -> CheckContext {
        let text = assumptions + "\n```yaml {guide=\"authelia-client\"}\n" + yaml + "\n```\n"
        return CheckContext(guide: parse(text), version: version.flatMap(AutheliaVersion.init))
    }

    func ruleIDs(_ yaml: String, version: String) -> [String] {
        let guide = parse("```yaml {guide=\"authelia-client\"}\n" + yaml + "\n```\n")
        return Checker(version: AutheliaVersion(version)).check(guide).map(\.ruleID)
    }

    struct Rename: Sendable, CustomTestStringConvertible {
        var old: String
        var new: String
        var value: String
        var testDescription: String { "\(old) → \(new)" }
    }

    static let renames = [
        Rename(old: "id", new: "client_id", value: "'app'"),
        Rename(old: "description", new: "client_name", value: "'App'"),
        Rename(old: "secret", new: "client_secret", value: "'$plaintext$x'"),
        Rename(old: "sector_identifier", new: "sector_identifier_uri", value: "'https://app.example.com/s.json'"),
        Rename(old: "userinfo_signing_algorithm", new: "userinfo_signed_response_alg", value: "'none'"),
    ]

    @Test(arguments: renames)
    func renamedKeyUnderEachVersion(_ rename: Rename) {
        // The client needs an id in every version; use the spelling current in each.
        func client(_ key: String, idKey: String) -> String {
            key == "id" || key == "client_id" ? "- \(key): \(rename.value)" : "- \(idKey): 'app'\n  \(key): \(rename.value)"
        }
        // 4.37: the old name is current, the new one does not exist yet.
        #expect(!ruleIDs(client(rename.old, idKey: "id"), version: "4.37").contains("client-renamed-key"))
        #expect(!ruleIDs(client(rename.old, idKey: "id"), version: "4.37").contains("client-unknown-key"))
        #expect(ruleIDs(client(rename.new, idKey: "id"), version: "4.37").contains("client-unknown-key"))
        // 4.38 and 4.39: the old name is deprecated, the new one is current.
        for version in ["4.38", "4.39"] {
            let old = ruleIDs(client(rename.old, idKey: "client_id"), version: version)
            #expect(old.filter { $0 == "client-renamed-key" }.count == 1, "\(version): \(old)")
            #expect(!old.contains("client-unknown-key"))
            let new = ruleIDs(client(rename.new, idKey: "client_id"), version: version)
            #expect(!new.contains("client-renamed-key") && !new.contains("client-unknown-key"), "\(version): \(new)")
        }
    }

    @Test func renamedKeyIsDecodedUnderItsCurrentName() throws {
        let decoded = try #require(context("- id: 'app'\n  secret: '$plaintext$x'\n  userinfo_signing_algorithm: 'none'").clients.first)
        #expect(decoded.client.clientID?.value == "app")
        #expect(decoded.client.clientSecret?.value == "$plaintext$x")
        #expect(decoded.client.responseObjects[.userinfo]?.signedAlg?.value == "none")
    }

    @Test func whenBothNamesAreGivenTheNewOneWins() throws {
        let found = Checker().check(parse("```yaml {guide=\"authelia-client\"}\n- client_id: 'new'\n  id: 'old'\n```\n"))
        #expect(found.contains { $0.ruleID == "client-renamed-key" && $0.message.contains("ignored") })
        let decoded = try #require(context("- client_id: 'new'\n  id: 'old'").clients.first)
        #expect(decoded.client.clientID?.value == "new")
    }

    @Test func keysAddedIn439AreUnknownIn438() {
        let ids = ruleIDs("- client_id: 'app'\n  claims_policy: 'x'\n  request_uris: ['https://a.example.com/r']", version: "4.38")
        #expect(ids.filter { $0 == "client-unknown-key" }.count == 2)
        #expect(ruleIDs("- client_id: 'app'\n  grant_types: ['urn:ietf:params:oauth:grant-type:device_code']", version: "4.38")
            .contains("client-value-enum"))
        #expect(!ruleIDs("- client_id: 'app'\n  grant_types: ['urn:ietf:params:oauth:grant-type:device_code']", version: "4.39")
            .contains("client-value-enum"))
    }

    @Test func fullClientDecodesIntoTypedFields() throws {
        let yaml = """
            - client_id: 'app'
              client_name: 'App'
              public: false
              redirect_uris: 'https://app.example.com/cb'
              scopes: [↓'openid', 'groups']
              grant_types: ['authorization_code']
              response_types: ['code']
              response_modes: ['form_post']
              consent_mode: 'pre-configured'
              pre_configured_consent_duration: '1w'
              require_pkce: true
              pkce_challenge_method: 'S256'
              id_token_signed_response_alg: 'RS256'
              introspection_endpoint_auth_method: 'client_secret_post'
              token_endpoint_auth_method: 'client_secret_basic'
              jwks:
                - key_id: 'k1'
                  algorithm: 'RS256'
                  key: 'PEM'
            """
        let marked = MarkedText("\n```yaml {guide=\"authelia-client\"}\n" + yaml + "\n```\n")
        let decoded = try #require(CheckContext(guide: parse(marked.text)).clients.first)
        let client = decoded.client
        #expect(decoded.issues.isEmpty, "\(decoded.issues)")
        #expect(client.isPublic?.value == false)
        #expect(client.redirectURIs.map(\.value) == ["https://app.example.com/cb"])
        #expect(client.scopes?.map(\.value) == ["openid", "groups"])
        #expect(client.requirePKCE?.value == true)
        #expect(client.preConfiguredConsentDuration?.value == "1w")
        #expect(client.responseObjects[.idToken]?.signedAlg?.value == "RS256")
        #expect(client.endpointAuthentication[.introspection]?.method?.value == "client_secret_post")
        #expect(client.endpointAuthentication[.token]?.method?.value == "client_secret_basic")
        #expect(client.jwks?.first?.keyID?.value == "k1")
        #expect(client.effectiveAuthMethod(.revocation) == "client_secret_basic")
        // Positions survive decoding: a value points into the file.
        #expect(client.scopes?.first?.node.location == marked.marker)
    }

    @Test func defaultsFollowAuthelia() throws {
        let client = try #require(context("- client_id: 'app'\n  public: true").clients.first).client
        #expect(client.effectiveResponseTypes == ["code"])
        #expect(client.effectiveGrantTypes == ["authorization_code"])
        #expect(client.effectiveScopes == ["openid", "groups", "profile", "email"])
        #expect(client.effectiveAuthMethod(.token) == "none")
        let hybrid = try #require(context("- client_id: 'app'\n  response_types: ['code id_token']").clients.first).client
        #expect(hybrid.effectiveGrantTypes == ["authorization_code", "implicit"])
    }

    /// The seed's original client (pre-4.38 names, plaintext secret) gives the expected warnings.
    @Test func seedOriginalYAMLGivesDeprecationAndPlaintextWarnings() throws {
        let guide = """
            ### Assumptions
            - Application Root URL: `https://proxmox.example.com`
            - Authelia Root URL: `https://auth.example.com`
            - Client ID: `proxmox`
            - Client Secret: `proxmox_client_secret`
            - Realm: `authelia`

            ```yaml
            identity_providers:
              oidc:
                clients:
                  - id: proxmox
                    description: Proxmox
                    secret: '$plaintext$proxmox_client_secret'
                    public: false
                    authorization_policy: two_factor
                    redirect_uris:
                      - https://proxmox.example.com
                    scopes:
                      - openid
                      - profile
                      - email
                    userinfo_signing_algorithm: none
            ```
            """
        let found = findings(guide)
        let renamed = found.filter { $0.ruleID == "client-renamed-key" }
        #expect(renamed.map(\.location.line) == [12, 13, 14, 23])
        #expect(renamed.map { $0.message.components(separatedBy: "'")[3] } ==
                ["client_id", "client_name", "client_secret", "userinfo_signed_response_alg"])
        #expect(found.filter { $0.ruleID == "client-secret-plaintext" }.map(\.location.line) == [14])
        #expect(found.allSatisfy { $0.severity == .warning }, "\(found.map { "\($0.ruleID) \($0.message)" })")
        // Targeting 4.37, the same YAML is current: only the plaintext warning remains.
        let old = Checker(version: AutheliaVersion(4, 37)).check(parse(guide))
        #expect(old.map(\.ruleID).filter { $0 != "profile-unknown" } == ["client-secret-plaintext"])
    }

    @Test func eachDistinctDigestIsVerifiedOncePerRun() throws {
        let guideText = try ProjectFiles.text("docs/guides/proxmox.md")
        let guides = (1...5).map { parse(guideText, path: "copy\($0).md") }
        let (perGuide, _, statistics) = Checker().check(guides)
        #expect(perGuide.allSatisfy { $0.isEmpty })
        #expect(statistics.clients == 5)
        #expect(statistics.verifications == 1)
    }
}
