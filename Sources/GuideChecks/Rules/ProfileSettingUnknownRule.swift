import GuideDocument
import GuideKnowledge

/// `profile-setting-unknown`: a setting name one edit or a few away from one of the
/// application's own (`DT_OAUTH2_SCOPE` for `DT_OAUTH2_SCOPES`, `odic:` for `oidc:`), for
/// applications whose profile lists every OpenID Connect setting they have.
struct ProfileSettingUnknownRule: GuideRule {
    static let description = RuleDescription(
        id: "profile-setting-unknown",
        kind: .profile,
        severity: .error,
        summary: "A setting name is not one the application has, but close to one: a misspelling the application silently ignores.",
        explanation: """
            Applications read the settings they know and ignore every other name without a \\
            word: a misspelt environment variable or configuration key leaves its setting at \\
            the default (an empty user info URL, no scopes, OpenID Connect off), and the login \\
            fails in a way that is hard to trace back. When an application's profile lists \\
            every OpenID Connect setting it has (`settings_complete`, from its configuration \\
            code or documentation), a name that is none of them but close to one (same first \\
            word, a few edits away) is reported with the name it most likely means. It is an \\
            error when that setting carries a meaning GuideKit checks (client id, secret, \\
            issuer, an endpoint, scopes, a claim, the redirect URI), else a warning. Names far \\
            from every setting (other software's variables in the same file) are left alone.
            """,
        reads: [.settings],
        basis: [RuleBasis(.application, "settings and settings_complete of the application's profile, citing its configuration source or documentation (docs/PROFILES.md)")],
        triggeringExamples: [
            donetickGuide("DT_OAUTH2_CLIENT_ID=donetick\n↓DT_OAUTH2_USERINFO_URL=https://auth.example.com/api/oidc/userinfo\n"),
        ],
        nonTriggeringExamples: [
            donetickGuide("DT_OAUTH2_CLIENT_ID=donetick\nDT_OAUTH2_USER_INFO_URL=https://auth.example.com/api/oidc/userinfo\nDT_SQLITE_PATH=/data/db\n"),
        ])

    /// A Donetick guide whose application step is a `.env` with `lines`.
    private static func donetickGuide(_ lines: String) -> String {
        """
        ---
        application: donetick
        ---
        ### Assumptions
        - Client ID: `donetick`

        ### Application
        ```shell {guide="app-settings"}
        \(lines)```
        """
    }

    func check(_ context: CheckContext) -> [Finding] {
        guard let profile = context.profile, profile.settingsComplete else { return [] }
        let candidates = profile.settings.flatMap { setting in setting.names.map { ($0, setting) } }
        let names = candidates.map(\.0)
        let families = Set(names.compactMap(Self.family))
        var findings: [Finding] = []
        for written in context.guide.settings where written.origin != .listItem && profile.setting(for: written) == nil {
            let path = (written.parents + [written.key.value]).joined(separator: ".")
            for name in Set([written.key.value, path]) {
                guard let family = Self.family(name), families.contains(family),
                      let closest = Suggestion.closest(to: name, in: names.filter { Self.family($0) == family }),
                      closest.lowercased() != name.lowercased(),
                      let meant = candidates.first(where: { $0.0 == closest })?.1 else { continue }
                findings.append(finding(context.guide, at: written.key,
                                        "\(profile.name) has no setting '\(name)' — did you mean '\(closest)'? An unknown name is ignored, so \(meant.key) stays unset",
                                        help: "write '\(closest)'",
                                        severity: meant.meaning == nil ? .warning : .error,
                                        subject: "unknown setting \(name)"))
                break
            }
        }
        return findings
    }

    /// A name's first word (`DT` of `DT_OAUTH2_SCOPES`, `server` of `server.oidc.client_id`),
    /// lower-cased: only names of one family are compared.
    static func family(_ name: String) -> String? {
        name.split(whereSeparator: { $0 == "_" || $0 == "." || $0 == "-" }).first.map { $0.lowercased() }
    }
}
