-- The request mixes of bench/loadgen-mix-vs-wrk.sh for wrk, one chosen per request as stackbench
-- chooses its own: WRK_MIX=weighted picks /json, /a/b or /c?x=1 with weights 6:3:1; WRK_MIX=template
-- asks for /api/users/N with N uniform in 1..10000.
local mix = os.getenv("WRK_MIX") or "weighted"
math.randomseed(1)

request = function()
  if mix == "template" then
    return wrk.format(nil, "/api/users/" .. math.random(1, 10000))
  end
  local r = math.random(10)
  if r <= 6 then
    return wrk.format(nil, "/json")
  elseif r <= 9 then
    return wrk.format(nil, "/a/b")
  end
  return wrk.format(nil, "/c?x=1")
end
