import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge

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

    /// One key of a client as Authelia reads it (`ClientSchema` decides the name: an old
    /// name such as `id` is reported under the current one, `written` says what the guide wrote).
    struct ClientKeyEntry: Encodable {
        var key: String
        var written: String
        var values: [Located]
    }

    struct ClientEntry: Encodable {
        var clientID: Located?
        var keys: [ClientKeyEntry]
        enum CodingKeys: String, CodingKey { case clientID = "client_id", keys }
    }

    struct TestedEntry: Encodable {
        var product: String
        var versions: [Located]
    }

    /// Counts of what checks read (the same `ReadSummary` `check --verbose` prints).
    struct ReadEntry: Encodable {
        var assumptions: Int
        var clients: Int
        var settings: Int
        var variants: Int
        var codeBlocks: Int
        var checkable: Bool
        enum CodingKeys: String, CodingKey { case assumptions, clients, settings, variants, codeBlocks = "code_blocks", checkable }

        init(_ summary: ReadSummary) {
            assumptions = summary.assumptions
            clients = summary.clients
            settings = summary.settings
            variants = summary.variants
            codeBlocks = summary.codeBlocks
            checkable = summary.isCheckable
        }
    }

    struct Entry: Encodable {
        var file: String
        var title: String?
        var page: String
        var pageReason: String
        var read: ReadEntry
        var profile: String?
        var profileReason: String?
        var autheliaVersionSource: String
        var notes: [String]
        /// The application release the profile's facts were resolved for (from Tested Versions).
        var profileRelease: String?
        var autheliaVersion: String
        /// The guide's Tested Versions section as read.
        var testedVersions: [TestedEntry]
        var assumptions: [AssumptionEntry]
        var blocks: [BlockEntry]
        var clients: [ClientEntry]
        var settings: [SettingEntry]
        enum CodingKeys: String, CodingKey {
            case file, title, page, pageReason = "page_reason", read, profile, profileReason = "profile_reason"
            case autheliaVersionSource = "authelia_version_source", notes
            case profileRelease = "profile_release", autheliaVersion = "authelia_version"
            case testedVersions = "tested_versions", assumptions, blocks, clients, settings
        }
    }

    /// Each guide as `checker` sees it: its profiles give settings their application's own
    /// meaning (and mark its secrets), its release and page-class settings apply.
    public static func render(_ guides: [Guide], checker: Checker) -> String {
        let entries = guides.map { entry(checker.context(for: $0)) }
        return StableJSON.encode(entries, orElse: "[]")
    }

    static func entry(_ context: CheckContext) -> Entry {
        let guide = context.guide, meanings = context.meanings
        let summary = ReadSummary(context)
        // Secrets are not echoed, even example ones, not even inside a longer value (JSON in
        // an environment variable, a URL's user info): this output ends up in CI logs.
        let mask = SecretMask(meanings.secretValues(in: guide, includingAmbiguous: false))
        func masked(_ text: String) -> String { mask.labelled(text) }
        func located(_ value: GuideDocument.Located<String>) -> Located {
            Located(value: value.value, line: value.location.line, column: value.location.column)
        }
        let version = context.version
        let decoder = ClientDecoder(version: version)
        return Entry(
            file: guide.path,
            title: guide.title,
            page: summary.page.pageClass.rawValue,
            pageReason: summary.page.reason,
            read: ReadEntry(summary),
            profile: summary.profile,
            profileReason: summary.profileReason,
            autheliaVersionSource: summary.autheliaVersionSource,
            notes: summary.notes,
            profileRelease: meanings.profile?.testedVersion(in: guide)?.text,
            autheliaVersion: version.description,
            testedVersions: guide.testedVersions.map { TestedEntry(product: $0.product, versions: $0.versions.map(located)) },
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
            clients: guide.clients.map { written in
                let client = decoder.decode(written.node, blockIndex: written.blockIndex).client
                let pairs = written.node.pairs ?? []
                let keys = pairs.indices.compactMap { index -> ClientKeyEntry? in
                    let pair = pairs[index]
                    guard let name = pair.key.string, let key = ClientSchema.key(named: name) else { return nil }
                    let current = ClientSchema.key(named: key.renamedTo ?? name) ?? key
                    // The decoded values written under this pair (an old name whose value
                    // Authelia drops has none).
                    let end = index + 1 < pairs.count ? pairs[index + 1].key.location : SourceLocation(line: .max, column: .max)
                    let values = client.fields(for: current).filter { $0.node.location >= pair.value.location && $0.node.location < end }
                    let shown = values.map { field in
                        Located(value: current.type == .digest ? "(secret)" : masked(field.value),
                                line: field.node.location.line, column: field.node.location.column)
                    }
                    return ClientKeyEntry(key: current.name, written: name, values: Array(shown))
                }
                let id = client.clientID.map { Located(value: $0.value, line: $0.node.location.line, column: $0.node.location.column) }
                return ClientEntry(clientID: id, keys: keys)
            },
            settings: guide.settings.map { setting in
                let meaning = meanings.meaning(of: setting)
                var value = located(setting.value)
                value.value = meanings.isSecret(setting) ? "(secret)" : masked(value.value)
                return SettingEntry(key: located(setting.key), value: value, meaning: meaning.map { "\($0)" })
            })
    }
}
