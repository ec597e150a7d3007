import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Labels of GUI steps GuideKit reads (issue classes 6 and 8): what each means, and lists of
/// scopes written as several code spans.
@Suite struct LabelTests {
    static let guide = """
        ### Assumptions
        - Application Root URL: `https://app.example.com/`
        - Authelia Root URL: `https://auth.example.com/`
        - Client ID: `app`
        - Client Secret: `insecure_secret`

        ### Application
        1. Configure:
           - Application ID: `app`
           - Application Key: `insecure_secret`
           - Authorization Endpoint URL: `https://auth.example.com/api/oidc/authorization`
           - Token Endpoint URL: `https://auth.example.com/api/oidc/token`
           - OAuth Scope: `openid` `profile`, `email` `groups`
           - Server URL: `https://app.example.com`
           - OIDC Server URL: `https://auth.example.com`
        """

    @Test(arguments: [
        ("Application ID", "client_id"), ("Application Key", "client_secret"),
        ("Authorization Endpoint URL", "endpoint:authorization endpoint"), ("Token Endpoint URL", "endpoint:token endpoint"),
        ("OAuth Scope", "scopes"), ("OIDC Server URL", "issuer"),
    ])
    func labelsHaveTheirMeaning(label: String, meaning: String) throws {
        let setting = try #require(parse(Self.guide).settings.first { $0.key.value == label })
        #expect(setting.nameMeaning?.description == meaning)
    }

    @Test func aBareServerURLMayBeTheApplicationsOwnAndIsNotRead() throws {
        let setting = try #require(parse(Self.guide).settings.first { $0.key.value == "Server URL" })
        #expect(setting.nameMeaning == nil)
        #expect(!findings(Self.guide).contains { $0.location.line == setting.key.location.line })
    }

    @Test func scopesWrittenAsSeveralCodeSpansAreOneList() throws {
        let marked = MarkedText(Self.guide.replacingOccurrences(of: "OAuth Scope: `openid`", with: "OAuth Scope: `↓openid`"))
        let setting = try #require(parse(marked.text).settings.first { $0.key.value == "OAuth Scope" })
        #expect(setting.value.value == "openid profile email groups")
        #expect(setting.value.location == marked.marker)
        // From the first span to the end of the last one.
        #expect(setting.value.length == "openid` `profile`, `email` `groups".unicodeScalars.count)
    }

    @Test func aScopeMissingFromTheClientIsFoundInTheSpanList() {
        let client = """

            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                clients:
                  - client_id: 'app'
                    client_secret: 'insecure_secret'
                    authorization_policy: 'one_factor'
                    redirect_uris: ['https://app.example.com/callback']
                    scopes: ['openid', 'profile', 'email']
            ```
            """
        let found = findings(Self.guide + client).filter { $0.ruleID == "app-scopes" }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("groups") == true)
    }
}
