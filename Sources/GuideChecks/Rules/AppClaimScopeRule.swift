import GuideDocument
import GuideKnowledge

/// `app-claim-scope`: claims the application reads come with a scope it requests.
struct AppClaimScopeRule: GuideRule {
    static let description = RuleDescription(
        id: "app-claim-scope",
        kind: .crossCheck,
        severity: .error,
        summary: "The application reads a claim that no requested scope delivers.",
        explanation: """
            Authelia releases claims by scope: `preferred_username`, `name` and the other \
            profile claims need `profile`; `email` and `email_verified` need `email`; `groups` \
            needs `groups`; `address` and `phone_number` need `address` and `phone`. An \
            application told to read the user name from `preferred_username` without \
            requesting `profile` gets no user name, and login fails. The requested scopes are \
            the application's scope settings, or the client's scopes when the guide does not \
            give the application any (or only "additional" scopes on top of its defaults). A \
            claim setting beside a switch that turns its feature off ("Map Groups: Disabled" \
            next to "Groups Claim") is not read, so it needs no scope.
            """,
        reads: [.settings],
        basis: [RuleBasis(.autheliaRequest, "which scope delivers which claim: Authelia's standard scopes and claims (internal/oidc, authelia.com/integration/openid-connect/openid-connect-1.0-claims/)")],
        triggeringExamples: [
            """
            ### Assumptions
            - Client ID: `app`

            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ['openid', 'email']
            ```

            ### Application
            - Username Claim: `↓preferred_username`
            """,
            """
            ### Application
            ```ini
            scopes = openid profile
            groups_attribute_path = ↓groups
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ### Assumptions
            - Client ID: `app`

            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              scopes: ['openid', 'profile', 'email']
            ```

            ### Application
            - Map Groups: Disabled
            - Groups Claim: `groups`
            """,
            """
            ### Application
            ```ini
            scopes = openid profile groups
            login_attribute_path = preferred_username
            groups_attribute_path = groups
            role_attribute_path = contains(groups, 'admin') && 'Admin'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let requested: Set<String>
        let source: String
        if let scopes = context.requestedScopes, scopes.complete {
            requested = Set(scopes.scopes.map(\.value))
            source = "the application requests"
        } else if let client = context.primaryClient {
            // Without a complete list from the application, the client's scopes are the most
            // it can get (an application's own defaults are unknown here).
            requested = Set(context.allowedScopes(for: client))
            source = "client \(client.displayName) allows"
        } else {
            return []
        }
        var findings: [Finding] = []
        for setting in context.guide.settings where context.meaning(of: setting) == .claim {
            let claim = setting.value.value
            // "Map Groups: Disabled" beside "Groups Claim: groups": the application does not
            // read the claim at all, so no scope is missing.
            if Self.isSwitchedOff(setting, in: context.guide) { continue }
            guard let scope = ClientSchema.scope(delivering: claim), !requested.contains(scope) else { continue }
            findings.append(finding(context.guide, at: setting.value,
                                    "\(setting.key.value) reads claim '\(claim)', which Authelia sends only with scope '\(scope)'; \(source) \(requested.sorted().joined(separator: " "))",
                                    help: "request scope '\(scope)' (and allow it on the client)"))
        }
        return findings
    }

    /// Whether a toggle that is off names the same feature as the claim setting (a word they
    /// share besides the generic ones): "Map Groups" and "Groups Claim" share "groups".
    static func isSwitchedOff(_ setting: AppSetting, in guide: Guide) -> Bool {
        let generic: Set<String> = ["claim", "claims", "attribute", "attr", "name", "map", "mapping", "enable", "enabled",
                                    "use", "oidc", "oauth", "openid", "sso", "the", "from", "of", "path", "field"]
        let words = Set(setting.keyWords).subtracting(generic)
        return guide.toggles.contains { !$0.isOn && !Set($0.labelWords).subtracting(generic).isDisjoint(with: words) }
    }
}
