-- Headless Neovim (0.7+) smoke test of isms-lsp: start the server with the built-in
-- client, open one file, and check that diagnostics (and a hover) arrive.
--
-- Environment: ISMS_LSP (server binary), ISMS_ROOT (workspace root), ISMS_FILE (file to
-- open), ISMS_EXPECT ("clean", or a diagnostic code that file must show).

local server = os.getenv("ISMS_LSP")
local root = os.getenv("ISMS_ROOT")
local file = os.getenv("ISMS_FILE")
local expect = os.getenv("ISMS_EXPECT")

local function finish(ok, message)
  io.stdout:write((ok and "ok: " or "FAIL: ") .. message .. "\n")
  vim.cmd(ok and "qall!" or "cquit 1")
end

local received = {}
vim.cmd("edit " .. vim.fn.fnameescape(file))
local path = vim.fn.expand("%:p")

local client_id = vim.lsp.start_client({
  name = "isms",
  cmd = { server },
  root_dir = root,
  init_options = { today = "2026-11-23" },
  handlers = {
    ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
      received[vim.uri_to_fname(result.uri)] = result.diagnostics
      return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
    end,
  },
})
if not client_id then
  return finish(false, "could not start " .. tostring(server))
end
vim.lsp.buf_attach_client(0, client_id)

local arrived = vim.wait(30000, function()
  return received[path] ~= nil
end, 50)
if not arrived then
  return finish(false, "no diagnostics arrived for " .. path)
end

local files = vim.tbl_count(received)
local codes = {}
for _, d in ipairs(received[path]) do
  table.insert(codes, tostring(d.code))
end

if expect == "clean" then
  if #codes > 0 then
    return finish(false, path .. " has diagnostics: " .. table.concat(codes, ", "))
  end
  -- Hover on the first declared name of the file says what it is.
  local line = vim.fn.search([[^\(risk\|asset\|control\|policy\) ]]) - 1
  local text = vim.api.nvim_buf_get_lines(0, line, line + 1, false)[1]
  local column = text:find(" ") + 1
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(0) },
    position = { line = line, character = column },
  }
  local replies = vim.lsp.buf_request_sync(0, "textDocument/hover", params, 10000) or {}
  local hover = ""
  for _, reply in pairs(replies) do
    if reply.result and reply.result.contents then
      hover = reply.result.contents.value or ""
    end
  end
  if hover == "" then
    return finish(false, "no hover at line " .. (line + 1))
  end
  return finish(true, string.format("%d files published, %s clean, hover: %s", files, path, hover:match("[^\n]*")))
end

if not vim.tbl_contains(codes, expect) then
  return finish(false, path .. " lacks " .. expect .. " (has: " .. table.concat(codes, ", ") .. ")")
end
finish(true, string.format("%d files published, %s shows %s", files, path, expect))
