import Foundation

/// What GuideKit saw in a guide, as JSON: for `guidekit extract`, for debugging a guide and
/// for scripts such as scripts/corpus-report.
public enum ExtractionReport {
    struct Located: Encodable {
        var value: String
        var line: Int
        var column: Int
    }

    struct AssumptionEntry: Encodable {
        var label: String
        var kind: String?
        var value: Located?
        var valid: Bool
    }

    struct BlockEntry: Encodable {
        var line: Int
        var language: String?
        var role: String?
        var declared: Bool
        var yaml: String?
    }

    struct SettingEntry: Encodable {
        var key: Located
        var value: Located
        var meaning: String?
    }

    struct Entry: Encodable {
        var file: String
        var title: String?
        var assumptions: [AssumptionEntry]
        var blocks: [BlockEntry]
        var clients: [Located]
        var settings: [SettingEntry]
    }

    /// Profiles give settings their application's own meaning (and mark its secrets).
    public static func render(_ guides: [Guide], profiles: [ApplicationProfile] = []) -> String {
        let entries = guides.map { entry($0, profile: ProfileMatcher.profile(for: $0, in: profiles)) }
        return StableJSON.encode(entries, orElse: "[]")
    }

    static func entry(_ guide: Guide, profile: ApplicationProfile?) -> Entry {
        let statedSecret = guide.assumption(.clientSecret)?.value?.text
        func located(_ value: GuideKit.Located<String>) -> Located {
            Located(value: value.value, line: value.location.line, column: value.location.column)
        }
        return Entry(
            file: guide.path,
            title: guide.title,
            assumptions: guide.assumptions.map { assumption in
                // Secrets are not echoed, even example ones: this output ends up in CI logs.
                var raw = assumption.rawValue.map(located)
                if assumption.kind == .clientSecret { raw?.value = "(secret)" }
                return AssumptionEntry(label: assumption.label.value, kind: assumption.kind?.rawValue, value: raw,
                                       valid: assumption.rawValue == nil || assumption.value != nil)
            },
            blocks: guide.codeBlocks.map { block in
                let declared = if case .declared = block.roleSource { true } else { false }
                let yaml: String? = switch block.yaml {
                case .success: "ok"
                case .failure(let error): "error at \(error.location): \(error.message)"
                case nil: nil
                }
                return BlockEntry(line: block.location.line, language: block.language, role: block.role?.rawValue,
                                  declared: declared, yaml: yaml)
            },
            clients: guide.clients.compactMap { client in
                client.clientID.flatMap { node in
                    node.string.map { Located(value: $0, line: node.location.line, column: node.location.column) }
                }
            },
            settings: guide.settings.map { setting in
                let meaning = CheckContext.meaning(of: setting, profile: profile)
                // Anything named a secret is masked, and the stated secret wherever it appears
                // inside a longer value (JSON in an environment variable, a URL's user info).
                var value = located(setting.value)
                if meaning == .clientSecret || meaning == .clientIDOrSecret {
                    value.value = "(secret)"
                } else if let statedSecret, !statedSecret.isEmpty {
                    value.value = value.value.replacingOccurrences(of: statedSecret, with: "(secret)")
                }
                return SettingEntry(key: located(setting.key), value: value, meaning: meaning.map { "\($0)" })
            })
    }
}
