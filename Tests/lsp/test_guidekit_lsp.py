"""End-to-end tests of `guidekit lsp` driven as an editor drives it, with pytest-lsp (which also
checks every message against the LSP specification). Run by scripts/check-lsp, which sets
GUIDEKIT to the binary under test.

Each test works in a fresh workspace folder holding docs/proxmox.md, the bundled guide with
a wrong client id on a line that also holds non-ASCII text, so ranges prove the UTF-16
conversion."""

import json
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

GUIDEKIT = os.environ["GUIDEKIT"]
PROJECT = pathlib.Path(__file__).resolve().parents[2]
GUIDE = (PROJECT / "docs/guides/proxmox.md").read_text()
BROKEN = GUIDE.replace("      - client_id: 'proxmox'", "      - client_id: 'pve'  # é 🎉", 1)
assert BROKEN != GUIDE


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.fixture
def workspace():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="guidekit-lsp-"))
    (folder / "docs").mkdir()
    (folder / "docs/proxmox.md").write_text(BROKEN)
    yield folder
    shutil.rmtree(folder)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[GUIDEKIT, "lsp"]))
async def client(lsp_client: LanguageClient, workspace):
    params = types.InitializeParams(
        capabilities=types.ClientCapabilities(
            workspace=types.WorkspaceClientCapabilities(
                did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(dynamic_registration=False)),
            text_document=types.TextDocumentClientCapabilities(
                publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True),
                code_action=types.CodeActionClientCapabilities(),
                hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]))),
        root_uri=workspace.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="docs")])
    result = await lsp_client.initialize_session(params)
    lsp_client.guidekit_capabilities = result.capabilities
    lsp_client.workspace = workspace
    yield
    await lsp_client.shutdown_session()


def check_json(workspace: pathlib.Path, text: str) -> list[dict]:
    (workspace / "docs/proxmox.md").write_text(text)
    run = subprocess.run([GUIDEKIT, "check", "docs/proxmox.md", "--format", "json"], cwd=workspace,
                         capture_output=True, text=True)
    assert run.returncode in (0, 1), run.stderr
    return json.loads(run.stdout)


async def open_guide(client: LanguageClient, text: str = BROKEN) -> str:
    uri = (client.workspace / "docs/proxmox.md").as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    await client.wait_for_notification("textDocument/publishDiagnostics")
    return uri


async def test_initialize_advertises_incremental_sync_code_actions_and_hover(client: LanguageClient):
    capabilities = client.guidekit_capabilities
    assert capabilities.text_document_sync.change == types.TextDocumentSyncKind.Incremental
    assert capabilities.hover_provider
    assert list(capabilities.code_action_provider.code_action_kinds) == [types.CodeActionKind.QuickFix]
    assert capabilities.position_encoding == types.PositionEncodingKind.Utf16


async def test_diagnostics_equal_check_with_exact_utf16_ranges(client: LanguageClient):
    uri = await open_guide(client)
    diagnostics = client.diagnostics[uri]
    expected = check_json(client.workspace, BROKEN)
    lines = BROKEN.split("\n")
    assert [d.code for d in diagnostics] == [f["rule"] for f in expected]
    for diagnostic, finding in zip(diagnostics, expected):
        line = lines[finding["line"] - 1]
        assert diagnostic.range.start.line == finding["line"] - 1
        assert diagnostic.range.start.character == utf16(line[: finding["column"] - 1])
        assert diagnostic.message == finding["message"]
    mismatch = next(d for d in diagnostics if d.code == "client-id-mismatch")
    line = lines[mismatch.range.start.line]
    assert line[line.index("'pve'"):].startswith("'pve'")
    assert mismatch.range.end.character - mismatch.range.start.character == len("'pve'")
    assert mismatch.code_description.href.endswith("/docs/rules/client-id-mismatch.md")
    assert mismatch.severity == types.DiagnosticSeverity.Error


async def test_incremental_edit_updates_diagnostics(client: LanguageClient):
    uri = await open_guide(client)
    mismatch = next(d for d in client.diagnostics[uri] if d.code == "client-id-mismatch")
    # Replace 'pve' (inside the quotes) by 'proxmox', as a keystroke-level change.
    start = types.Position(line=mismatch.range.start.line, character=mismatch.range.start.character + 1)
    end = types.Position(line=start.line, character=start.character + 3)
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end), text="proxmox")]))
    await client.wait_for_notification("textDocument/publishDiagnostics")
    assert not [d for d in client.diagnostics[uri] if d.code == "client-id-mismatch"]
    assert check_json(client.workspace, BROKEN.replace("'pve'", "'proxmox'", 1)) == []


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    lines = text.split("\n")
    offsets, total = [], 0
    for line in lines:
        offsets.append(total)
        total += len(line) + 1

    def index(position: types.Position) -> int:
        line = lines[position.line]
        units, count = 0, 0
        for char in line:
            if units >= position.character:
                break
            units += utf16(char)
            count += 1
        return offsets[position.line] + count

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: index(edit.range.start)] + edit.new_text + text[index(edit.range.end):]
    return text


async def test_code_action_applied_gives_the_fixed_text(client: LanguageClient):
    uri = await open_guide(client)
    mismatch = next(d for d in client.diagnostics[uri] if d.code == "client-id-mismatch")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=mismatch.range,
        context=types.CodeActionContext(diagnostics=[mismatch])))
    fix = next(a for a in actions if a.is_preferred)
    fixed = apply_edits(BROKEN, fix.edit.changes[uri])
    # `guidekit fix` on the same file writes the same text.
    (client.workspace / "docs/proxmox.md").write_text(BROKEN)
    run = subprocess.run([GUIDEKIT, "fix", "docs/proxmox.md"], cwd=client.workspace, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert fixed == (client.workspace / "docs/proxmox.md").read_text()
    disable = next(a for a in actions if "disable client-id-mismatch" in a.title)
    silenced = apply_edits(BROKEN, disable.edit.changes[uri])
    assert "# guidekit-disable-next-line client-id-mismatch: explain why\n      - client_id: 'pve'" in silenced


async def test_hover_on_a_finding_explains_its_rule(client: LanguageClient):
    uri = await open_guide(client)
    mismatch = next(d for d in client.diagnostics[uri] if d.code == "client-id-mismatch")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=mismatch.range.start))
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("**client-id-mismatch** (error)")
    assert hover.range == mismatch.range


async def test_configuration_change_is_picked_up(client: LanguageClient):
    uri = await open_guide(client)
    assert any(d.code == "client-id-mismatch" for d in client.diagnostics[uri])
    config = client.workspace / ".guidekit.yml"
    config.write_text("disable: [client-id-mismatch]\n")
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Created)]))
    await client.wait_for_notification("textDocument/publishDiagnostics")
    assert not any(d.code == "client-id-mismatch" for d in client.diagnostics[uri])
