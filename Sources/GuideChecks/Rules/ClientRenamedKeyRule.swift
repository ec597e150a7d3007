import GuideDocument
import GuideKnowledge

/// `client-renamed-key`: client keys use the names current in the targeted version.
struct ClientRenamedKeyRule: GuideRule {
    static let description = RuleDescription(
        id: "client-renamed-key",
        kind: .client,
        severity: .warning,
        summary: "A client key uses a name Authelia renamed (deprecated).",
        explanation: """
            Authelia 4.38 renamed `id` → `client_id`, `description` → `client_name`, `secret` → \
            `client_secret`, `sector_identifier` → `sector_identifier_uri` and \
            `userinfo_signing_algorithm` → `userinfo_signed_response_alg`. The old names still \
            work with a warning and will be removed in v5. When both names are given, Authelia \
            keeps the new one and silently drops the old value.
            """,
        reads: [.clients],
        basis: [RuleBasis(.autheliaValidator, "the deprecation map of internal/configuration/deprecation.go (authelia/authelia): renamed keys are mapped with a warning")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - ↓id: 'app'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              ↓userinfo_signing_algorithm: 'none'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              userinfo_signed_response_alg: 'none'
            ```
            """,
            """
            ---
            authelia_version: "4.37"
            ---
            ```yaml {guide="authelia-client"}
            - id: 'app'
              secret: '$plaintext$x'
            ```
            """,
        ],
        fixExamples: [
            FixExample(
                """
                ```yaml {guide="authelia-client"}
                - ↓id: 'app'
                ```

                """,
                """
                ```yaml {guide="authelia-client"}
                - client_id: 'app'
                ```

                """),
            FixExample(
                """
                ```yaml {guide="authelia-client"}
                - client_id: 'app'
                  ↓userinfo_signing_algorithm: 'none'
                ```

                """,
                """
                ```yaml {guide="authelia-client"}
                - client_id: 'app'
                  userinfo_signed_response_alg: 'none'
                ```

                """),
        ])

    func check(_ context: CheckContext) -> [Finding] {
        let guide = context.guide
        return context.clients.flatMap(\.issues).compactMap { issue in
            guard case .renamedKey(let key, let current, let renamedIn, let both) = issue, let name = key.string else { return nil }
            let message = both
                ? "'\(name)' was renamed to '\(current)' in Authelia \(renamedIn), and '\(current)' is also set: this value is ignored"
                : "'\(name)' was renamed to '\(current)' in Authelia \(renamedIn); the old name is deprecated and will be removed in v5"
            let fix = both || guide.source.hasShortcodes(line: key.location.line) ? nil
                : Fix("rename '\(name)' to '\(current)'",
                      edits: [TextEdit(line: key.location.line, column: key.location.column, length: name.unicodeScalars.count, replacement: current)])
            return finding(guide, at: key, message, help: both ? "remove '\(name)'" : "rename it to '\(current)'").with(fix)
        }
    }
}
