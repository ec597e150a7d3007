import GuideDocument
import GuideKnowledge

/// `client-unknown-key`: every key of a client is one Authelia knows, in the targeted version.
struct ClientUnknownKeyRule: GuideRule {
    static let description = RuleDescription(
        id: "client-unknown-key",
        kind: .client,
        severity: .error,
        summary: "A client key Authelia does not know (in the targeted version).",
        explanation: """
            Authelia refuses to start on a configuration key it does not know ("configuration \
            key not expected"). Usually a typo (`redirect_uri` for `redirect_uris`) or a key \
            from a newer release than the one the guide targets (`--authelia-version`, or the \
            guide's `authelia_version` front matter; default 4.39). Keys of `jwks` entries are \
            checked too.
            """,
        reads: [.clients],
        basis: [
            .validator("ValidateKeys", file: "keys.go"),
            RuleBasis(.specification, "client keys per release: internal/configuration/schema/keys.go"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              ↓redirect_uri: 'https://app.example.com/callback'
            ```
            """,
            """
            ---
            authelia_version: "4.38"
            ---
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              ↓claims_policy: 'app'
            ```
            """,
            """
            ---
            authelia_version: "4.37"
            ---
            ```yaml {guide="authelia-client"}
            - ↓client_id: 'app'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              redirect_uris: 'https://app.example.com/callback'
              claims_policy: 'app'
            ```
            """,
            """
            ---
            authelia_version: "4.37"
            ---
            ```yaml {guide="authelia-client"}
            - id: 'app'
              description: 'App'
              consent_mode: 'explicit'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        return context.clients.flatMap(\.issues).compactMap { issue in
            guard case .unknownKey(let key, let suggestion, let addedIn) = issue, let name = key.string else { return nil }
            if let addedIn {
                let hint = suggestion.map { "use '\($0)' in Authelia \(context.version), or target \(addedIn) or later" }
                    ?? "remove it, or target Authelia \(addedIn) or later with --authelia-version"
                return finding(guide, at: key, "key '\(name)' was added in Authelia \(addedIn); this guide targets \(context.version)", help: hint)
            }
            let hint = suggestion.map { "did you mean '\($0)'?" } ?? "remove it; 'guidekit explain client-unknown-key' says where keys are listed"
            return finding(guide, at: key, "unknown key '\(name)'\(suggestion.map { " — did you mean '\($0)'?" } ?? ""); Authelia refuses unknown keys",
                           help: hint)
        }
    }
}
