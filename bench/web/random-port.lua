-- wrk script: each request asks for a random port page in one language.
-- LANG (env) picks the language; default en.
local lang = os.getenv("LANG_CODE") or "en"
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  math.randomseed(os.time() * 1000 + id)
end
function request()
  return wrk.format("GET", "/" .. lang .. "/ports/" .. math.random(0, 65535))
end
