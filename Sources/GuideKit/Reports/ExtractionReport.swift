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

    public static func render(_ guides: [Guide]) -> String {
        let entries = guides.map(entry)
        return StableJSON.encode(entries, orElse: "[]")
    }

    static func entry(_ guide: Guide) -> Entry {
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
            settings: guide.settings.map {
                let secret = $0.meaning == .clientSecret || $0.meaning == .clientIDOrSecret
                var value = located($0.value)
                if secret { value.value = "(secret)" }
                return SettingEntry(key: located($0.key), value: value, meaning: $0.meaning.map { "\($0)" })
            })
    }
}
