import ArgumentParser
import GuideKit

/// How every command reads guides: the same size limit and the same "report and go on"
/// policy (`GuideInput`), so `check`, `fix`, `render` and `extract` agree on what a guide is.
struct InputOptions: ParsableArguments {
    @Option(help: "Refuse files larger than this many bytes.")
    var maxFileSize: Int = GuideFileReader.defaultMaximumBytes

    @Option(help: ArgumentHelp("Skip files matching this pattern (repeatable): 'CHANGELOG.md', 'docs/reference/**', '*/drafts/*.md'.",
                               valueName: "glob"))
    var exclude: [String] = []

    var input: GuideInput { GuideInput(maximumBytes: maxFileSize, exclude: exclude.map(PathGlob.init)) }
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
