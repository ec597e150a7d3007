import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge

/// Every bundled profile's judged facts, each tried on a guide where its rule must fire and
/// one where it must not (neither is a corpus guide: the corpus is what the facts check). A
/// fact that no rule can use (unknown, `any`, a release the guide would have to name) is not
/// tried; one a rule could use but does not is a broken profile or rule.
@Suite struct ProfileFactVerificationTests {
    static let profiles = (try? ProfileLoader.bundledResult.get()) ?? []

    /// A guide for `profile` whose client ends with `client` lines (YAML under the client).
    static func guide(_ profile: ApplicationProfile, client: String) -> String {
        """
        ---
        application: \(profile.id)
        ---
        ### Assumptions
        - Application Root URL: `https://app.example.com/`
        - Authelia Root URL: `https://auth.example.com/`
        - Client ID: `app`

        ```yaml {guide="authelia-client"}
        identity_providers:
          oidc:
            clients:
              - client_id: 'app'
                authorization_policy: 'one_factor'
        \(client)```
        """
    }

    static func fires(_ rule: String, _ profile: ApplicationProfile, client: String) -> Bool {
        findings(guide(profile, client: client)).contains { $0.ruleID == rule }
    }

    static let other = ["client_secret_basic": "client_secret_post", "client_secret_post": "client_secret_basic"]

    @Test func everyFixedAuthMethodIsJudgedBothWays() {
        var tried = 0
        for profile in Self.profiles {
            guard let choice = profile.tokenAuthMethod, choice.setting == nil, let method = choice.defaultValue,
                  let wrong = Self.other[method] else { continue }
            let secret = "        client_secret: 'insecure_secret'\n"
            #expect(!Self.fires("profile-auth-method", profile, client: secret + "        token_endpoint_auth_method: '\(method)'\n"), "\(profile.id): \(method) registered")
            #expect(Self.fires("profile-auth-method", profile, client: secret + "        token_endpoint_auth_method: '\(wrong)'\n"), "\(profile.id): \(wrong) registered")
            tried += 1
        }
        #expect(tried >= 40, "only \(tried) profiles state a fixed auth method")
    }

    @Test func everyApplicationThatNeverSendsPKCEIsJudgedBothWays() {
        var tried = 0
        for profile in Self.profiles {
            guard let choice = profile.pkce, choice.setting == nil, choice.defaultValue == "none" else { continue }
            #expect(Self.fires("profile-pkce", profile, client: "        require_pkce: true\n"), "\(profile.id): PKCE required")
            #expect(!Self.fires("profile-pkce", profile, client: "        require_pkce: false\n"), "\(profile.id): PKCE not required")
            tried += 1
        }
        #expect(tried >= 30, "only \(tried) profiles never send PKCE")
    }

    @Test func everyIDTokenReaderIsJudgedBothWays() {
        var tried = 0
        for profile in Self.profiles {
            guard let choice = profile.claimsFrom, choice.setting == nil, choice.defaultValue == "id_token", !choice.claims.isEmpty else { continue }
            let claims = choice.claims.map { "'\($0)'" }.joined(separator: ", ")
            #expect(Self.fires("profile-claims-location", profile, client: ""), "\(profile.id): no claims policy")
            let withPolicy = Self.guide(profile, client: "        claims_policy: 'app'\n")
                .replacingOccurrences(of: "  oidc:\n", with: "  oidc:\n    claims_policies:\n      app:\n        id_token: [\(claims)]\n")
            #expect(!findings(withPolicy).contains { $0.ruleID == "profile-claims-location" }, "\(profile.id): the policy lists \(claims)")
            tried += 1
        }
        #expect(tried >= 10, "only \(tried) profiles read named claims from the ID token")
    }

    @Test func everyJSONOnlyUserInfoReaderIsJudgedBothWays() {
        var tried = 0
        for profile in Self.profiles where profile.userinfoSigned == false {
            #expect(Self.fires("profile-userinfo-signed", profile, client: "        userinfo_signed_response_alg: 'RS256'\n"), "\(profile.id): signed")
            #expect(!Self.fires("profile-userinfo-signed", profile, client: "        userinfo_signed_response_alg: 'none'\n"), "\(profile.id): JSON")
            tried += 1
        }
        #expect(tried >= 40, "only \(tried) profiles state a JSON-only UserInfo")
    }
}
