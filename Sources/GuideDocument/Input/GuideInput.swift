/// The one way every command turns paths into parsed guides: find (`GuideFinder`) → read
/// (`GuideFileReader`, with the size limit) → parse (`GuideParser`), with one policy:
/// a file that cannot be used is reported and skipped, the others go on. Commands decide
/// what a skipped file means for the exit status (always 2 today).
public struct GuideInput: Sendable {
    public var reader: GuideFileReader
    /// Files found in folders that match one of these are skipped (`--exclude`).
    public var exclude: [PathGlob]
    /// A guide read from standard input (`-` among the paths): its bytes, and the name it is
    /// reported and matched to a profile under (`--stdin-filename`, else `<stdin>`).
    public var standardInput: (name: String, bytes: [UInt8])?

    public init(maximumBytes: Int = GuideFileReader.defaultMaximumBytes, exclude: [PathGlob] = []) {
        reader = GuideFileReader(maximumBytes: maximumBytes)
        self.exclude = exclude
    }

    /// What was loaded, in the order the paths expand to, and every file that could not be.
    public struct Loaded: Sendable {
        public var guides: [Guide]
        public var errors: [InputError]
    }

    /// The Markdown files `paths` name (folders searched recursively), before reading.
    public func files(in paths: [String]) -> (files: [String], errors: [InputError]) {
        let (found, errors) = GuideFinder.markdownFiles(in: paths.filter { $0 != "-" })
        let stdin = paths.contains("-") ? standardInput.map { [$0.name] } ?? [] : []
        guard !exclude.isEmpty else { return (stdin + found, errors) }
        let excluded = PathGlobSet(exclude)
        return (stdin + found.filter { !excluded.matches($0) }, errors)
    }

    /// Reads and parses `files`; files are independent, so they are parsed on every core.
    /// - Parameter resolvingShortcodes: parse the text with `sitevar` shortcodes replaced by
    ///   their defaults, the text `render` edits.
    public func load(files: [String], resolvingShortcodes: Bool = false) -> Loaded {
        let reader = reader, standardInput = standardInput
        let outcomes = files.concurrentMap { path in
            Result { () throws(InputError) in
                let text = if let standardInput, path == standardInput.name {
                    try GuideFileReader.decode(standardInput.bytes, path: path)
                } else {
                    try reader.read(path)
                }
                return GuideParser.parse(path: path, text: text, resolvingShortcodes: resolvingShortcodes)
            }
        }
        var loaded = Loaded(guides: [], errors: [])
        for outcome in outcomes {
            switch outcome {
            case .success(let guide): loaded.guides.append(guide)
            case .failure(let error): loaded.errors.append(error)
            }
        }
        return loaded
    }

    /// Finds, reads and parses; `select` narrows the found files first (changed files, a shard).
    public func load(_ paths: [String]) -> Loaded {
        load(paths, select: { $0 })
    }

    public func load(_ paths: [String], select: ([String]) throws -> [String]) rethrows -> Loaded {
        let (found, errors) = files(in: paths)
        var loaded = load(files: try select(found))
        loaded.errors = errors + loaded.errors
        return loaded
    }
}
