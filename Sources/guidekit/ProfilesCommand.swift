import ArgumentParser
import GuideChecks
import GuideDocument
import GuideKnowledge
import GuideRender
import GuideReports

struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the application profiles GuideKit knows.",
        discussion: """
            A profile names an application's settings, their meanings and allowed values, and \
            the redirect URI the application sends. A guide uses the profile named by its \
            front matter (application: ID), else the one matching its file name or title. \
            docs/PROFILES.md explains how to add one.
            """
    )

    @OptionGroup var profileOptions: ProfileOptions

    @Flag(help: "Show each fact's source, the unknown facts and the settings too.")
    var verbose = false

    @Flag(help: "Print the catalogue of docs/PROFILES.md (libraries, applications, facts that changed between releases) as Markdown.")
    var markdown = false

    func run() throws {
        let profiles = try profileOptions.load()
        if markdown {
            let libraries: [LibraryProfile]
            do { libraries = try ProfileLoader.bundledLibraries() } catch { throw InputFailure("profile error: \(error)") }
            Console.print(ProfileCatalog.markdown(profiles: profiles, libraries: libraries))
            return
        }
        // Full ids, in a column as wide as the longest (an id is what `application:` takes).
        let width = profiles.map(\.id.count).max() ?? 0
        for profile in profiles {
            let redirects = profile.redirectURIs.map { $0.alternatives.joined(separator: " | ") }.joined(separator: ", ")
            let library = profile.library.map { "\($0.id)\(profile.libraryVersions.map { " \($0)" } ?? ""); " } ?? ""
            Console.print("\(profile.id.padding(toLength: width, withPad: " ", startingAt: 0))  \(profile.name) — \(library)\(profile.settings.count) settings; redirect URI \(redirects.isEmpty ? "unknown" : redirects)")
            if verbose {
                for fact in profile.facts.named {
                    let from = fact.library.map { " (from \($0))" } ?? ""
                    Console.print("    \(fact.name)\(from): \(fact.citations.joined(separator: "; "))")
                }
                for (fact, note) in profile.unknown.sorted(by: { $0.key < $1.key }) {
                    Console.print("    \(fact): unknown (\(note))")
                }
                for setting in profile.settings {
                    let meaning = setting.meaning.map { " [\($0)]" } ?? ""
                    Console.print("    setting \(setting.key)\(meaning): \(setting.names.joined(separator: ", "))")
                }
            }
        }
    }
}

/// `--profiles DIR`, shared by every command that checks: the bundled profiles plus a folder
/// of your own, with profile errors reported as input failures (exit status 2).
struct ProfileOptions: ParsableArguments {
    @Option(help: "Also load application profiles from this folder (*.yml); a profile with a bundled id replaces it (docs/PROFILES.md).")
    var profiles: String?

    /// - Parameter fallback: the folder to use when `--profiles` is not given (the config file's).
    func load(fallback: String? = nil) throws -> [ApplicationProfile] {
        do { return try SessionLoader.profiles(extraFolder: profiles ?? fallback) } catch { throw InputFailure("profile error: \(error)") }
    }
}
