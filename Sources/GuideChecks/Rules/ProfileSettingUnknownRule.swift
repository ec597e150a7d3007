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
            Applications read the settings they know and ignore every other name without a \
            word: a misspelt environment variable or configuration key leaves its setting at \
            the default (an empty user info URL, no scopes, OpenID Connect off), and the login \
            fails in a way that is hard to trace back. When an application's profile lists \
            every OpenID Connect setting it has (`settings_complete`, from its configuration \
            code or documentation), a name that is none of them but close to one (same first \
            word, one word mistyped or one word left out or added) is reported with the name it \
            most likely means; a name with a different word in its place is another setting. It is an \
            error when that setting carries a meaning GuideKit checks (client id, secret, \
            issuer, an endpoint, scopes, a claim, the redirect URI), else a warning. Names far \
            from every setting (other software's variables in the same file) are left alone.
            """,
        reads: [.settings],
        basis: [RuleBasis(.application, "settings and settings_complete of the application's profile, citing its configuration source or documentation (docs/PROFILES.md)")],
        triggeringExamples: [
            donetickGuide("DT_OAUTH2_CLIENT_ID=donetick\n↓DT_OAUTH2_INFO_URL=https://auth.example.com/api/oidc/userinfo\n↓DT_OAUTH2_CLIENT_SECRT=insecure_secret\n"),
        ],
        nonTriggeringExamples: [
            donetickGuide("DT_OAUTH2_CLIENT_ID=donetick\nDT_OAUTH2_USER_INFO_URL=https://auth.example.com/api/oidc/userinfo\nDT_SQLITE_PATH=/data/db\nDT_OAUTH2_PASSWORD_URL=https://example.com\n"),
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
        // Names with a `*` word (a provider's name in the middle) are matched by the profile,
        // never suggested.
        let candidates = profile.settings.flatMap { setting in setting.names.map { ($0, setting) } }.filter { !$0.0.contains("*") }
        var findings: [Finding] = []
        for written in context.guide.settings where written.origin != .listItem && profile.setting(for: written) == nil {
            let path = (written.parents + [written.key.value]).joined(separator: ".")
            for name in Set([written.key.value, path]) {
                guard let (closest, meant) = Self.misspelling(of: name, among: candidates) else { continue }
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

    /// The known name `name` is a misspelling of, if any: same separators and family, and
    /// either one segment mistyped (`SCOPE` for `SCOPES`, `odic` for `oidc`) or one segment
    /// left out or added (`INFO_URL` for `USER_INFO_URL`). A segment replaced by a different
    /// word (`password` for `oidc`) is another setting, not a typo.
    static func misspelling(of name: String, among candidates: [(String, ApplicationProfile.Setting)]) -> (String, ApplicationProfile.Setting)? {
        let written = segments(name)
        guard written.count >= 2 else { return nil }
        var best: (String, ApplicationProfile.Setting, Int)?
        for (candidate, setting) in candidates where candidate.lowercased() != name.lowercased() {
            let known = segments(candidate)
            guard known.first == written.first else { continue }
            var score: Int?
            if known.count == written.count {
                let differing = zip(known, written).filter { $0 != $1 }
                if differing.count == 1, let (a, b) = differing.first, min(a.count, b.count) >= 3 {
                    let distance = Suggestion.editDistance(a, b)
                    if distance <= max(2, min(a.count, b.count) / 3) { score = distance }
                }
            } else if abs(known.count - written.count) == 1 {
                let (long, short) = known.count > written.count ? (known, written) : (written, known)
                for index in long.indices where Array(long[..<index] + long[(index + 1)...]) == short { score = long[index].count + 1 }
            }
            if let score, score < (best?.2 ?? .max) { best = (candidate, setting, score) }
        }
        return best.map { ($0.0, $0.1) }
    }

    /// Lower-cased segments of a name, split at `_`, `.` and `-`.
    static func segments(_ name: String) -> [String] {
        name.lowercased().split(whereSeparator: { $0 == "_" || $0 == "." || $0 == "-" }).map(String.init)
    }
}
