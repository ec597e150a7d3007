import ArgumentParser
import GuideKit

/// How every command reads guides: the same size limit and the same "report and go on"
/// policy (`GuideInput`), so `check`, `fix`, `render` and `extract` agree on what a guide is.
struct InputOptions: ParsableArguments {
    @Option(help: "Refuse files larger than this many bytes.")
    var maxFileSize: Int = GuideFileReader.defaultMaximumBytes

    var input: GuideInput { GuideInput(maximumBytes: maxFileSize) }
}
