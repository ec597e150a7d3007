import Foundation
import GuideDocument
import GuideKnowledge

/// `.guidekit.yml`: a repository's settings for `guidekit check` (docs/CONFIG.md). Found in
/// the current folder or the nearest parent that has one (as `.swiftlint.yml` and
/// `.markdownlint.yaml` are), or given with `--config`. Paths in it are relative to the
/// folder the file is in. Command-line options override it.
public struct ConfigFile: Sendable, Equatable {
    public static let names = [".guidekit.yml", ".guidekit.yaml"]

    /// The file, and the folder its relative paths start from.
    public var path: String
    public var directory: String

    public var paths: [String] = []
    public var exclude: [String] = []
    public var disable: [String] = []
    /// Rule id → severity; `nil` is `off` (the rule does not run).
    public var severity: [String: Severity?] = [:]
    public var profiles: String?
    public var baseline: String?
    public var autheliaVersion: AutheliaVersion?
    /// The lowest severity that fails the run (exit status 1): error (default) or warning.
    public var failOn: Severity = .error

    static let keys = ["paths", "exclude", "disable", "severity", "profiles", "baseline", "authelia_version", "fail_on"]

    /// The nearest config file from `directory` upwards, or `nil`.
    public static func find(from directory: String) -> String? {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        while true {
            for name in names {
                let candidate = folder.appendingPathComponent(name).path
                var isDirectory: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                    return candidate
                }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// Reads and validates a config file; every problem names the file, line and column.
    public static func load(_ path: String) throws(InputError) -> ConfigFile {
        try read(YAMLFile.load(path, what: "a config file"))
    }

    public static func parse(_ text: String, path: String) throws(InputError) -> ConfigFile {
        try read(YAMLFile.parse(text, path: path, what: "a config file"))
    }

    private static func read(_ file: YAMLFile) throws(InputError) -> ConfigFile {
        let path = file.path
        let directory = (path as NSString).deletingLastPathComponent
        var config = ConfigFile(path: path, directory: directory.isEmpty ? "." : directory)
        guard let pairs = try file.mapping("the config file is a mapping such as 'exclude: [CHANGELOG.md]'", allowEmpty: true) else { return config }
        let ruleIDs = RuleRegistry.all.map { type(of: $0).description.id }
        let fail = file.fail
        func strings(_ node: YAMLNode, _ key: String) throws(InputError) -> [String] {
            if let single = node.string, node.scalarType != .null { return [single] }
            guard let items = node.items else { throw fail(node, "'\(key)' is a list of strings") }
            var result: [String] = []
            for item in items {
                guard let value = item.string, item.scalarType != .null else { throw fail(item, "'\(key)' is a list of strings") }
                result.append(value)
            }
            return result
        }
        func string(_ node: YAMLNode, _ key: String) throws(InputError) -> String {
            guard let value = node.string, node.scalarType != .null, !value.isEmpty else { throw fail(node, "'\(key)' is one string") }
            return value
        }
        func rule(_ id: String, at node: YAMLNode, _ key: String) throws(InputError) {
            guard ruleIDs.contains(id) else {
                let hint = Suggestion.closest(to: id, in: ruleIDs).map { " — did you mean '\($0)'?" } ?? " ('guidekit rules' lists them)"
                throw fail(node, "unknown rule '\(id)' in '\(key)'\(hint)")
            }
        }
        for pair in pairs {
            guard let key = pair.key.string else { throw fail(pair.key, "keys are names such as 'exclude'") }
            let value = pair.value
            switch key {
            case "paths": config.paths = try strings(value, key)
            case "exclude": config.exclude = try strings(value, key)
            case "disable":
                config.disable = try strings(value, key)
                for (index, id) in config.disable.enumerated() { try rule(id, at: value.items?[index] ?? value, key) }
            case "severity":
                guard let entries = value.pairs else { throw fail(value, "'severity' maps rule ids to error, warning or off") }
                for entry in entries {
                    guard let id = entry.key.string else { throw fail(entry.key, "a rule id") }
                    try rule(id, at: entry.key, key)
                    switch entry.value.string {
                    case "error": config.severity[id] = .some(.error)
                    case "warning": config.severity[id] = .some(.warning)
                    case "off": config.severity[id] = .some(nil)
                    default: throw fail(entry.value, "the severity of '\(id)' is error, warning or off")
                    }
                }
            case "profiles": config.profiles = config.resolve(try string(value, key))
            case "baseline": config.baseline = config.resolve(try string(value, key))
            case "authelia_version":
                let text = try string(value, key)
                guard let version = AutheliaVersion(text), AutheliaVersion.known.contains(version) else {
                    throw fail(value, "authelia_version '\(text)' is not a release GuideKit knows (4.29 to 4.39)")
                }
                config.autheliaVersion = version
            case "fail_on":
                switch value.string {
                case "error": config.failOn = .error
                case "warning": config.failOn = .warning
                default: throw fail(value, "'fail_on' is error or warning")
                }
            default:
                throw file.unknown("key", pair.key, known: keys, listKnown: true)
            }
        }
        config.paths = config.paths.map(config.resolve)
        // A pattern with '/' matches paths from the config file's folder; a bare name
        // matches anywhere, as on the command line.
        config.exclude = config.exclude.map { $0.containsLiteral("/") && !$0.hasPrefix("**") ? config.resolve($0) : $0 }
        return config
    }

    /// A path of the file, as seen from the current folder.
    func resolve(_ relative: String) -> String {
        relative.hasPrefix("/") || directory == "." ? relative : directory + "/" + relative
    }

    /// The rules to run: all but the disabled and those set to `off`.
    public func rules(from all: [any GuideRule]) -> [any GuideRule] {
        all.filter { rule in
            let id = type(of: rule).description.id
            return !disable.contains(id) && severity[id] != .some(nil)
        }
    }

    /// Severities the file changes (for `Checker.severityOverrides`).
    public var severityOverrides: [String: Severity] {
        severity.compactMapValues { $0 }
    }
}
