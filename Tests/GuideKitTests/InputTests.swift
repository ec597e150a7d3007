import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Bad input gets a clear error naming the file (and the place), never a crash.
struct InputTests {
    func readError(_ data: Data, name: String = "guide.md", maximumBytes: Int = GuideFileReader.defaultMaximumBytes) throws -> InputError? {
        let folder = try TemporaryFolder()
        let path = try folder.write(name, data)
        do {
            _ = try GuideFileReader(maximumBytes: maximumBytes).read(path)
            return nil
        } catch {
            #expect(error.path == path)
            return error
        }
    }

    @Test func emptyFile() throws {
        // Empty and blank files are guides with nothing to check.
        #expect(try readError(Data()) == nil)
        #expect(try readError(Data("  \n\n".utf8)) == nil)
        #expect(findings("").isEmpty && findings("  \n\n").isEmpty)
    }

    @Test func binaryFileNamesTheLine() throws {
        let marked = MarkedText("# Title\nab↓\u{0}cd")
        let error = try readError(Data(marked.text.utf8))
        #expect(error?.message.contains("binary") == true)
        #expect(error?.location == marked.marker)
    }

    @Test func invalidUTF8NamesTheByteAndPlace() throws {
        // The marker stands where the bad bytes go: a lead byte followed by '('.
        let marked = MarkedText("# Café\nline two \u{00E9}↓")
        var data = Data(marked.text.utf8)
        data.append(contentsOf: [0xC3, 0x28])
        let error = try readError(data)
        #expect(error?.message.contains("not valid UTF-8 (byte 0xC3)") == true)
        #expect(error?.location == marked.marker)
        #expect(GuideFileReader.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)  // an encoded surrogate
        #expect(GuideFileReader.firstInvalidUTF8([0xF0, 0x9F, 0x98, 0x80]) == nil)  // an emoji
    }

    @Test func hugeFileIsRefusedBeforeReading() throws {
        let twentyMegabytes = Data(repeating: UInt8(ascii: "a"), count: 20 * 1024 * 1024)
        let error = try readError(twentyMegabytes)
        #expect(error?.message.hasPrefix("file is 20.0 MB, larger than the 8.0 MB limit") == true)
    }

    @Test func missingFileAndDirectories() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("notes.txt", Data("hello".utf8))
        let (files, errors) = GuideFinder.markdownFiles(in: [folder.url.path, folder.url.path + "/absent.md"])
        #expect(files.isEmpty)
        #expect(errors.map(\.message) == ["folder holds no Markdown (*.md, *.mdx, *.markdown) files", "no such file or directory"])
    }

    @Test func foldersAreSearchedRecursivelyInSortedOrder() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("b/z.md", Data("# z".utf8))
        _ = try folder.write("a.md", Data("# a".utf8))
        _ = try folder.write(".hidden/x.md", Data("# x".utf8))
        let (files, errors) = GuideFinder.markdownFiles(in: [folder.url.path])
        #expect(errors.isEmpty)
        #expect(files.map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.md", "z.md"])
    }

    @Test func hostileMarkdownDoesNotCrash() {
        // Deep nesting, a YAML alias bomb inside a client block, and an unclosed fence.
        let deep = String(repeating: "> ", count: 5000) + "text\n"
        let bomb = "```yaml {guide=\"authelia-client\"}\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\ng: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n```\n"
        let nested = "```yaml {guide=\"authelia-client\"}\n" + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n```\n"
        let guide = parse(deep + bomb + nested + "```yaml\nunclosed: [\n")
        // Aliases are not expanded, so the bomb is a small tree read in linear time.
        guard case .success(let documents)? = guide.codeBlocks.first(where: { $0.role == .autheliaClient })?.yaml else {
            Issue.record("the alias bomb block should parse")
            return
        }
        #expect(documents.first?.pairs?.count == 7)
        let found = Checker().check(guide)
        #expect(found.contains { $0.ruleID == "yaml-syntax" && $0.message.contains("nested deeper than 1000 levels") })
    }

    /// A FIFO named `*.md` inside a checked folder: refused at once (open(2) without
    /// O_NONBLOCK would wait for a writer forever), while the folder's real guide is read.
    @Test func fifoInAFolderIsRefusedWithoutBlocking() throws {
        let folder = try TemporaryFolder()
        _ = try folder.write("real.md", Data("# Real\n".utf8))
        let fifo = folder.url.appendingPathComponent("pipe.md").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let loaded = GuideInput().load([folder.url.path])
        #expect(loaded.guides.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["real.md"])
        let error = try #require(loaded.errors.first)
        #expect(error.path == fifo)
        #expect(error.message.contains("not a regular file"))
    }

    /// Devices given directly are refused before a byte is read (they never end).
    @Test(arguments: ["/dev/zero", "/dev/urandom", "/dev/null"])
    func devicesAreRefusedBeforeReading(_ device: String) throws {
        do {
            _ = try GuideFileReader().read(device)
            Issue.record("\(device) was read")
        } catch {
            #expect(error.path == device)
            #expect(error.message == "is not a regular file (a device, pipe or socket), expected a Markdown file")
            #expect(!error.description.contains("NSCocoaErrorDomain"))
        }
    }

    /// An alias to an anchor never defined is an error at the alias (every YAML loader
    /// refuses it), not a silent null.
    @Test func aliasWithoutAnchorIsAnError() {
        let text = "# T\n\n```yaml {guide=\"authelia-client\"}\nbase: &base {a: 1}\nok: *base\nbad: *unknown\n```\n"
        let block = parse(text).codeBlocks.first { $0.role == .autheliaClient }
        guard case .failure(let error)? = block?.yaml else {
            Issue.record("an alias to an unknown anchor was accepted")
            return
        }
        #expect(error.location == SourceLocation(line: 6, column: 6))
        #expect(error.message == "invalid YAML: alias '*unknown' refers to no anchor '&unknown' defined before it in this document")
    }

    /// A 5 MB line is a finding, and its snippet is a window around the spot, not 5 MB of log.
    @Test func aHugeLineIsAFindingShownInAWindow() {
        let text = "# T\n\n" + String(repeating: "x", count: 5_000_000) + "\n"
        let found = findings(text).filter { $0.ruleID == "line-too-long" }
        #expect(found.map(\.location) == [SourceLocation(line: 3, column: 4_097)])
        let finding = found[0]
        let output = TextReporter().render(finding, source: PreparedSource(path: "test.md", text: text))
        let lines = output.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 200 }, "\(lines.map(\.count))")
        // The caret still points at the character where the line passes the limit.
        let shown = lines[2].dropFirst("3 | ".count), caret = lines[3].dropFirst("  | ".count)
        let caretColumn = caret.firstIndex(of: "^").map { caret.distance(from: caret.startIndex, to: $0) }
        #expect(caretColumn.map { shown.dropFirst($0).first } == "x")
        #expect(shown.hasPrefix("…") && shown.hasSuffix("…"))
    }

    /// Inputs the fuzz targets found crashing, kept as regression tests: each is read,
    /// parsed and checked like any guide (Tests/GuideKitTests/Fixtures/fuzz/).
    @Test func inputsTheFuzzerFoundNoLongerCrash() throws {
        let folder = ProjectFiles.root.appendingPathComponent("Tests/GuideKitTests/Fixtures/fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(!names.isEmpty)
        for name in names {
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            guard let text = try? GuideFileReader.decode(data, path: name) else { continue }
            _ = Checker().check(path: name, text: text)
            _ = GuideParser.parse(path: name, text: text, html: true, resolvingShortcodes: true)
        }
        // The first one: an info string whose fence column lies past the original line's end.
        #expect(InfoString.parse(line: "ab", lineNumber: 1, fenceColumn: 10).raw == "")
    }
}

