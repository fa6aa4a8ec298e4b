-- Drives `plexilint server` from Neovim's own LSP client (vim.lsp.start_client, Neovim 0.7+),
-- headless, and writes what it measured as JSON. Run by bench/lsp_latency.py, which passes:
--   PLX_BENCH_CMD   the server command, as a JSON list
--   PLX_BENCH_ROOT  the project root
--   PLX_BENCH_FILE  the ~2,000-line file that is edited
--   PLX_BENCH_OPEN  further files opened one after the other, as a JSON list
--   PLX_BENCH_CHANGES, PLX_BENCH_ACTIONS  how many changes and code-action requests
--   PLX_BENCH_OUT   where the JSON goes
-- Every time is taken here, in the editor, with vim.loop.hrtime(): from the moment the
-- editor sends (or, for initialize, starts the server) to the moment it has the answer.

local env = vim.env
local uv = vim.loop
local cmd = vim.fn.json_decode(env.PLX_BENCH_CMD)
local root = env.PLX_BENCH_ROOT
local others = vim.fn.json_decode(env.PLX_BENCH_OPEN)
local changes = tonumber(env.PLX_BENCH_CHANGES)
local actions = tonumber(env.PLX_BENCH_ACTIONS)
local TIMEOUT = 600000 -- ms for any one answer (a cold project on a busy machine)

local function now_ms()
  return uv.hrtime() / 1e6
end

local result = { changes = {}, opens = {}, code_actions = {}, errors = {} }
local published = {} -- uri -> list of { at = ms, version = n, count = n, diagnostics = raw }

local function on_diagnostics(err, params, ctx, config)
  local list = published[params.uri] or {}
  table.insert(list, { at = now_ms(), version = params.version, count = #params.diagnostics,
                       diagnostics = params.diagnostics })
  published[params.uri] = list
  return vim.lsp.handlers["textDocument/publishDiagnostics"](err, params, ctx, config)
end

-- The first publication for `uri` after `since`, of `version` if given.
local function wait_diagnostics(uri, since, version)
  local found
  local ok = vim.wait(TIMEOUT, function()
    for _, entry in ipairs(published[uri] or {}) do
      if entry.at >= since and (version == nil or entry.version == version) then
        found = entry
        return true
      end
    end
    return false
  end, 1)
  if not ok then
    error("no diagnostics for " .. uri .. " (version " .. tostring(version) .. ")")
  end
  return found
end

local indexed_at -- when the server reported the end of its indexing (work-done progress)
local function on_progress(err, params, ctx, config)
  local value = params.value or {}
  if value.kind == "end" and tostring(params.token):find("^plexilint%-indexing") then
    indexed_at = now_ms()
  end
  return vim.lsp.handlers["$/progress"](err, params, ctx, config)
end

local started = now_ms()
local initialized_at
local client_id = vim.lsp.start_client({
  name = "plexilint",
  cmd = cmd,
  root_dir = root,
  flags = { debounce_text_changes = 0 }, -- every change sent at once: the server's latency, not the client's wait
  handlers = { ["textDocument/publishDiagnostics"] = on_diagnostics, ["$/progress"] = on_progress },
  on_init = function() initialized_at = now_ms() end,
  on_error = function(code) table.insert(result.errors, "client error " .. tostring(code)) end,
})
vim.wait(TIMEOUT, function() return initialized_at ~= nil end, 1)
result.initialize_ms = initialized_at - started
local client = vim.lsp.get_client_by_id(client_id)

local function open(path)
  vim.cmd("edit " .. vim.fn.fnameescape(path))
  local buffer = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buffer)
  local sent = now_ms()
  vim.lsp.buf_attach_client(buffer, client_id) -- sends didOpen
  local first = wait_diagnostics(uri, sent, nil)
  return buffer, uri, sent, first
end

-- The edited file, opened first, while the project is indexed in the background: the first
-- diagnostics (one-file rules), the end of the indexing, then the complete diagnostics (a
-- later publication, if they differ).
local buffer, uri, sent, first = open(env.PLX_BENCH_FILE)
result.first_open_ms = first.at - sent
result.first_open_diagnostics = first.count
vim.wait(TIMEOUT, function() return indexed_at ~= nil end, 1)
result.indexed_ms = indexed_at and (indexed_at - sent) or vim.NIL
vim.wait(5000, function() return #published[uri] >= 2 end, 1)
local complete = published[uri][#published[uri]]
result.first_open_complete_ms = complete.at - sent
result.first_open_complete_diagnostics = complete.count
vim.wait(500, function() return false end)

-- Changes: one line edited (a different comment each time: no text comes back, so none
-- can be answered from an earlier analysis), as a user pauses between edits; each waits for
-- the diagnostics of that buffer version.
local line = vim.api.nvim_buf_line_count(buffer) - 1
local original = vim.api.nvim_buf_get_lines(buffer, line, line + 1, false)[1]
for n = 1, changes do
  local text = original .. "  # edited " .. n
  local at = now_ms()
  vim.api.nvim_buf_set_lines(buffer, line, line + 1, false, { text })
  local version = vim.lsp.util.buf_versions[buffer]
  local entry = wait_diagnostics(uri, at, version)
  table.insert(result.changes, entry.at - at)
  vim.wait(50 + (n % 5) * 20, function() return false end)
end

-- Code actions on a diagnostic of the edited file (a fixable one if there is one): the
-- first request, then the following ones.
local last = published[uri][#published[uri]].diagnostics
local target = last[1]
for _, diagnostic in ipairs(last) do
  local code = diagnostic.code
  if code == "PLX101" or code == "PLX102" or code == "PLX103" or code == "PLX104" or code == "PLX105" then
    target = diagnostic
    break
  end
end
result.code_action_diagnostic = target and target.code or vim.NIL
for _ = 1, actions do
  local params = { textDocument = { uri = uri }, range = target.range, context = { diagnostics = { target } } }
  local answered
  local at = now_ms()
  client.request("textDocument/codeAction", params, function(err, actions_found)
    answered = { at = now_ms(), count = actions_found and #actions_found or 0, err = err }
  end, buffer)
  vim.wait(TIMEOUT, function() return answered ~= nil end, 1)
  table.insert(result.code_actions, answered.at - at)
  result.code_action_count = answered.count
  vim.wait(100, function() return false end)
end

-- Other files opened once the project is indexed.
for _, path in ipairs(others) do
  local _, _, opened_at, entry = open(path)
  table.insert(result.opens, entry.at - opened_at)
end

local stopped = now_ms()
client.stop()
vim.wait(TIMEOUT, function() return client.is_stopped() end, 1)
result.shutdown_ms = now_ms() - stopped

local out = io.open(env.PLX_BENCH_OUT, "w")
out:write(vim.fn.json_encode(result))
out:close()
vim.cmd("qa!")
