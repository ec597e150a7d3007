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
    /// Settings for the files some globs match (`overrides:`), in order.
    public var overrides: [PathOverride] = []

    static let keys = ["paths", "exclude", "disable", "severity", "profiles", "baseline", "authelia_version", "fail_on", "overrides"]
    static let overrideKeys = ["files", "disable", "severity", "page"]

    /// The nearest config file from `directory` upwards, or `nil`.
    public static func find(from directory: String) -> String? {
        var folder = URL(fileURLWithPath: directory).standardizedFileURL
        // At most one step per path component: a folder that no longer exists (a deleted
        // current folder) must not make the walk upwards go on for ever.
        for _ in 0...max(1, folder.pathComponents.count) {
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
        return nil
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
        func disabled(_ value: YAMLNode, _ key: String) throws(InputError) -> [String] {
            let ids = try strings(value, key)
            for (index, id) in ids.enumerated() { try rule(id, at: value.items?[index] ?? value, key) }
            return ids
        }
        func severities(_ value: YAMLNode) throws(InputError) -> [String: Severity?] {
            guard let entries = value.pairs else { throw fail(value, "'severity' maps rule ids to error, warning or off") }
            var result: [String: Severity?] = [:]
            for entry in entries {
                guard let id = entry.key.string else { throw fail(entry.key, "a rule id") }
                try rule(id, at: entry.key, "severity")
                switch entry.value.string {
                case "error": result[id] = .some(.error)
                case "warning": result[id] = .some(.warning)
                case "off": result[id] = .some(nil)
                default: throw fail(entry.value, "the severity of '\(id)' is error, warning or off")
                }
            }
            return result
        }
        func override(_ node: YAMLNode) throws(InputError) -> PathOverride {
            guard let entries = node.pairs else { throw fail(node, "each entry of 'overrides' is a mapping with 'files' and what changes for them") }
            var result = PathOverride(files: [])
            for entry in entries {
                guard let key = entry.key.string else { throw fail(entry.key, "keys are names such as 'files'") }
                switch key {
                case "files": result.files = try strings(entry.value, key).map { PathGlob(config.resolvePattern($0)) }
                case "disable": result.disable = Set(try disabled(entry.value, key))
                case "severity": result.severity = try severities(entry.value)
                case "page":
                    guard let text = entry.value.string, let page = PageClass(rawValue: text) else {
                        throw fail(entry.value, "'page' is one of \(PageClass.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))")
                    }
                    result.page = page
                default: throw file.unknown("key", entry.key, known: overrideKeys, listKnown: true)
                }
            }
            guard !result.files.isEmpty else { throw fail(node, "this 'overrides' entry has no 'files' (the globs it applies to)") }
            return result
        }
        for pair in pairs {
            guard let key = pair.key.string else { throw fail(pair.key, "keys are names such as 'exclude'") }
            let value = pair.value
            switch key {
            case "paths": config.paths = try strings(value, key)
            case "exclude": config.exclude = try strings(value, key)
            case "disable": config.disable = try disabled(value, key)
            case "severity": config.severity = try severities(value)
            case "overrides":
                guard let items = value.items else { throw fail(value, "'overrides' is a list of entries such as '- files: [docs/reference/**]'") }
                for item in items { config.overrides.append(try override(item)) }
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
        config.exclude = config.exclude.map(config.resolvePattern)
        return config
    }

    /// A glob as written in the file: one with '/' matches paths from the file's folder; a
    /// bare name matches anywhere, as on the command line.
    func resolvePattern(_ pattern: String) -> String {
        pattern.containsLiteral("/") && !pattern.hasPrefix("**") ? resolve(pattern) : pattern
    }

    /// The paths, profiles folder and baseline that resolve (symbolic links followed where
    /// they exist) outside the folder the file is in.
    public var pathsOutsideItsFolder: [String] {
        let root = Self.canonical(directory)
        return (paths + [profiles, baseline].compactMap { $0 }).filter { path in
            let resolved = Self.canonical(path)
            return resolved != root && !resolved.hasPrefix(root == "/" ? "/" : root + "/")
        }
    }

    /// An absolute, standardized path: the real path of what exists, else the path itself
    /// made absolute with `..` and `.` removed.
    static func canonical(_ path: String) -> String {
        if let real = realpath(path, nil) {
            defer { free(real) }
            return String(cString: real)
        }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.path
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
