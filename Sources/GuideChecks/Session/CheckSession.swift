import Foundation
import GuideDocument
import GuideKnowledge

/// Everything flags and `.guidekit.yml` decide about a run, decided once: which guides
/// (paths and exclusions), which rules at which severity, which profiles, which Authelia
/// release, which baseline, what fails the run. `check`, `fix`, `render` and `extract` all run
/// through one session, so a configuration means the same to each of them: a rule disabled for
/// `check` is not one `render` refuses a guide over or `fix` rewrites for.
public struct CheckSession: Sendable {
    /// The configuration file applied, if any (`--no-config`, or none found: `nil`).
    public let configuration: ConfigFile?
    /// The paths given on the command line, else the configuration's `paths`.
    public let paths: [String]
    /// How guides are found and read: the command line's exclusions plus the configuration's.
    public let input: GuideInput
    public let profiles: [ApplicationProfile]
    /// The rules the configuration leaves enabled, its severity overrides, the Authelia
    /// release given on the command line or in the configuration (else each guide's own).
    public let checker: Checker
    /// The Authelia release the command line or the configuration asks for, if any.
    public let autheliaVersion: AutheliaVersion?
    /// The baseline file: the command line's, else the configuration's.
    public let baselinePath: String?
    /// The lowest severity that fails the run (`--strict` or the configuration's `fail_on`).
    public let failOn: Severity

    /// - Parameters: what the command line says; `nil` and empty mean "not given", so the
    ///   configuration's value applies.
    public init(configuration: ConfigFile?, paths: [String], input: GuideInput, profiles: [ApplicationProfile],
                autheliaVersion: AutheliaVersion? = nil, baselinePath: String? = nil, strict: Bool = false) {
        self.configuration = configuration
        self.paths = paths.isEmpty ? configuration?.paths ?? [] : paths
        var input = input
        input.exclude += (configuration?.exclude ?? []).map(PathGlob.init)
        self.input = input
        self.profiles = profiles
        let version = autheliaVersion ?? configuration?.autheliaVersion
        self.autheliaVersion = version
        var checker = Checker(rules: configuration?.rules(from: RuleRegistry.all) ?? RuleRegistry.all, version: version, profiles: profiles)
        checker.severityOverrides = configuration?.severityOverrides ?? [:]
        checker.pathOverrides = configuration?.overrides ?? []
        self.checker = checker
        self.baselinePath = baselinePath ?? configuration?.baseline
        failOn = strict ? .warning : configuration?.failOn ?? .error
    }

    /// The guide files the session's paths name (folders searched), and the paths that failed.
    public func files() -> (files: [String], errors: [InputError]) {
        input.files(in: paths)
    }

    /// The baseline's findings; `nil` when the session has no baseline.
    /// Whether the session names a baseline file that does not exist yet: the run counts
    /// every finding (none is hidden) and `--write-baseline` creates it, so a configuration
    /// can name the file before it exists.
    public var baselineIsMissing: Bool {
        guard let path = baselinePath else { return false }
        return !FileManager.default.fileExists(atPath: path)
    }

    public func readBaseline() throws(InputError) -> Baseline? {
        guard let path = baselinePath, !baselineIsMissing else { return nil }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw InputError(path: path, message: "cannot be read")
        }
        return try Baseline.decode(data, path: path)
    }

    /// Whether a report fails the run under this session's `failOn`.
    public func fails(_ report: CheckReport) -> Bool {
        report.hasErrors || (failOn == .warning && !report.active.isEmpty)
    }
}
