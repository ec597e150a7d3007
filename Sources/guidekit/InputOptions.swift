import ArgumentParser
import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge
import GuideRender
import GuideReports

/// How every command reads guides: the same size limit and the same "report and go on"
/// policy (`GuideInput`), so `check`, `fix`, `render` and `extract` agree on what a guide is.
struct InputOptions: ParsableArguments {
    @Option(help: "Refuse files larger than this many bytes.")
    var maxFileSize: Int = GuideFileReader.defaultMaximumBytes

    @Option(help: ArgumentHelp("Skip files matching this pattern (repeatable): 'CHANGELOG.md', 'docs/reference/**', '*/drafts/*.md'.",
                               valueName: "glob"))
    var exclude: [String] = []

    @Option(name: .customLong("stdin-filename"),
            help: ArgumentHelp("With '-' among the paths: the name standard input is reported and matched to a profile under.", valueName: "name"))
    var stdinFilename: String?

    var input: GuideInput { GuideInput(maximumBytes: maxFileSize, exclude: exclude.map(PathGlob.init)) }

    /// The input, with standard input read when `-` is among `paths`.
    func input(for paths: [String]) throws -> GuideInput {
        var input = input
        if paths.contains("-") {
            let name = stdinFilename ?? "<stdin>"
            do { input.standardInput = (name, try input.reader.readStandardInput(name: name)) } catch { throw InputFailure("\(error)") }
        }
        return input
    }
}

/// The persistent digest cache (`DigestCache`): on unless `--no-cache`.
struct CacheOptions: ParsableArguments {
    @Flag(help: "Do not read or write the digest cache ($XDG_CACHE_HOME/guidekit, else ~/.cache/guidekit).")
    var noCache = false

    func open() -> DigestCache? {
        guard !noCache, let directory = DigestCache.defaultDirectory() else { return nil }
        return DigestCache.open(directory: directory)
    }
}

/// `.guidekit.yml` (docs/CONFIG.md): found from the current folder upwards unless
/// `--config FILE` names one or `--no-config` turns it off.
struct ConfigOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read settings from this file instead of the nearest .guidekit.yml.", valueName: "file"))
    var config: String?

    @Flag(help: "Ignore .guidekit.yml files.")
    var noConfig = false

    @Flag(name: .customLong("allow-paths-outside-config"),
          help: "Let .guidekit.yml's paths, profiles and baseline name files outside the configuration file's folder.")
    var allowOutside = false

    func load() throws -> ConfigFile? {
        if noConfig { return nil }
        let path: String
        if let config {
            path = config
        } else if let found = ConfigFile.find(from: FileManager.default.currentDirectoryPath) {
            path = Self.relative(found)
        } else {
            return nil
        }
        do { return try SessionLoader.configuration(at: path, allowOutside: allowOutside) } catch { throw InputFailure("\(error)") }
    }

    /// A found file as a path from the current folder (`../.guidekit.yml`), so the paths
    /// it lists print as the user would write them.
    static func relative(_ path: String) -> String {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.pathComponents
        let there = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let common = zip(here, there).prefix { $0 == $1 }.count
        let ups = Array(repeating: "..", count: here.count - common)
        let parts = ups + there.dropFirst(common)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}

/// The options that decide a check session, shared by `check`, `fix`, `render` and `extract`
/// so `.guidekit.yml` means the same to each (docs/CONFIG.md).
struct SessionOptions: ParsableArguments {
    @OptionGroup var configOptions: ConfigOptions
    @OptionGroup var profileOptions: ProfileOptions
    @OptionGroup var inputOptions: InputOptions

    @Option(name: .customLong("authelia-version"),
            help: "Authelia release to check against (4.29 to 4.39); default: the configuration's authelia_version, else each guide's front matter, else 4.39.")
    var autheliaVersion: AutheliaVersionArgument?

    /// The session for `paths` (empty: the configuration's `paths`).
    func session(paths: [String], baseline: String? = nil, strict: Bool = false) throws -> CheckSession {
        let config = try configOptions.load()
        let effective = paths.isEmpty ? config?.paths ?? [] : paths
        return CheckSession(configuration: config, paths: effective, input: try inputOptions.input(for: effective),
                            profiles: try profileOptions.load(fallback: config?.profiles),
                            autheliaVersion: autheliaVersion?.version, baselinePath: baseline, strict: strict)
    }
}
