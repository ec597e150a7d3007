import GuideDocument
import GuideKnowledge

/// `profile-setting-value`: application settings have values the application accepts, as
/// its profile documents them.
struct ProfileSettingValueRule: GuideRule {
    static let description = RuleDescription(
        id: "profile-setting-value",
        kind: .profile,
        severity: .error,
        summary: "An application setting has a value the application does not accept.",
        explanation: """
            With an application profile, GuideKit knows each setting's type (string, URL, \
            boolean, integer), its allowed values, pattern and length limit: a Proxmox realm \
            must match `[A-Za-z][A-Za-z0-9.\\-_]+` and fit in 32 characters, Grafana's \
            `auth_style` is one of AutoDetect, InParams, InHeader, and so on. The application \
            rejects anything else, usually with a vague error.
            """,
        reads: [.settings],
        basis: [RuleBasis(.application, "the accepted values stated in the application's profile, citing its documentation (docs/PROFILES.md)")],
        triggeringExamples: [
            """
            ---
            application: proxmox
            ---
            ```shell {guide="shell"}
            pveum realm add ↓1authelia --type openid --autocreate 1
            ```
            """,
            """
            ---
            application: grafana
            ---
            ### Application
            ```ini
            auth_style = ↓InHeaders
            use_pkce = true
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ---
            application: proxmox
            ---
            ```shell {guide="shell"}
            pveum realm add authelia --type openid --autocreate 1 --groups-claim groups
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        guard let profile = context.profile else { return [] }
        var findings: [Finding] = []
        for setting in context.guide.settings {
            let value = setting.value.value
            // An empty value leaves the setting unset; other rules judge what that means.
            guard let known = profile.setting(for: setting), !TemplateSyntax.isTemplated(value),
                  !ConfigLineReader.unquoted(value).isEmpty else { continue }
            if let problem = problem(with: value, for: known, inGUI: setting.origin == .listItem) {
                findings.append(finding(context.guide, at: setting.value, "\(profile.name) \(known.key): \(problem.message)",
                                        help: problem.help))
            }
        }
        return findings
    }

    /// `inGUI`: a GUI step names the choice by its label, which need not be the stored value
    /// `allowed` lists, so only types and lengths are judged there.
    private func problem(with value: String, for setting: ApplicationProfile.Setting, inGUI: Bool) -> (message: String, help: String?)? {
        switch setting.type {
        case .boolean where ClientDecoder.bool(value) == nil && value != "0" && value != "1":
            return ("'\(value)' is not a boolean", "use true/false (or 1/0)")
        case .integer where Int(value) == nil:
            return ("'\(value)' is not a whole number", nil)
        case .url where WebURL(value) == nil:
            return ("'\(value)' is not an absolute http(s) URL", nil)
        default:
            break
        }
        if !inGUI, let allowed = setting.allowed, !allowed.contains(value) {
            let suggestion = Suggestion.closest(to: value, in: allowed)
            return ("'\(value)' is not one of \(allowed.map { "'\($0)'" }.joined(separator: ", "))",
                    suggestion.map { "did you mean '\($0)'?" })
        }
        if let limit = setting.maxLength, value.count > limit {
            return ("'\(value)' is \(value.count) characters; the limit is \(limit)", nil)
        }
        if let pattern = setting.pattern, !pattern.matchesWhole(value) {
            return ("'\(value)' does not match \(pattern.source)", nil)
        }
        return nil
    }
}
