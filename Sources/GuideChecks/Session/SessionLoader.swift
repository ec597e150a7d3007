import Foundation
import GuideDocument
import GuideKnowledge

/// How a check session's configuration and profiles are found and loaded: one place for the
/// command line (`SessionOptions`) and the language server (`guidekit lsp`), so a
/// `.guidekit.yml` means the same in the editor as in CI.
public enum SessionLoader {
    /// Loads the configuration file at `path` and refuses paths it names outside its own
    /// folder unless `allowOutside`: a contributor's `.guidekit.yml` with `paths: [/etc]` or
    /// `../../` must not make CI (or an editor) read and quote files outside the checkout.
    public static func configuration(at path: String, allowOutside: Bool) throws(InputError) -> ConfigFile {
        let file = try ConfigFile.load(path)
        if !allowOutside, let outside = file.pathsOutsideItsFolder.first {
            throw InputError(path: file.path, message: "'\(outside)' lies outside the configuration file's folder; pass --allow-paths-outside-config to use it")
        }
        return file
    }

    /// The bundled profiles, plus those of `extraFolder` (a profile with a bundled id
    /// replaces it).
    public static func profiles(extraFolder: String?) throws(InputError) -> [ApplicationProfile] {
        let bundled = try ProfileLoader.bundledResult.get()
        guard let extraFolder else { return bundled }
        let added = try ProfileLoader.load(directory: extraFolder)
        return bundled.filter { old in !added.contains { $0.id == old.id } } + added
    }

    /// The session for a folder, as `guidekit check` run in that folder builds it with no
    /// options: the nearest `.guidekit.yml` from the folder upwards, its paths, exclusions,
    /// rules, profiles, Authelia release and baseline.
    public static func session(in folder: String) throws(InputError) -> CheckSession {
        let configuration = try ConfigFile.find(from: folder).map { found throws(InputError) in try Self.configuration(at: found, allowOutside: false) }
        return CheckSession(configuration: configuration, paths: [], input: GuideInput(),
                            profiles: try profiles(extraFolder: configuration?.profiles))
    }
}
