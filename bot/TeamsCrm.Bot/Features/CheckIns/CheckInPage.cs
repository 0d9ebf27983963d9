using System.Globalization;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using TeamsCrm.Bot.Cards;
using TeamsCrm.Bot.Domain;
using TeamsCrm.Bot.Domain.Visits;

namespace TeamsCrm.Bot.Features.CheckIns;

/// <summary>
/// The check-in dialog's page: small, plain, no framework, a phone's width. It asks the device where it is — Teams' own
/// geoLocation inside the Teams mobile client, the browser's geolocation elsewhere (desktop and web Teams have no Teams
/// location) — shows how exact that is, and posts it to the same signed address. In Teams it then closes the dialog
/// (<c>dialog.url.submit</c>), which tells the bot; in a browser it shows the answer itself.
/// </summary>
public static class CheckInPage
{
    /// <summary>TeamsJS from Microsoft's CDN; loaded only inside Teams, where it is needed (a browser has no Teams host).</summary>
    const string TeamsJs = "https://res.cdn.office.net/teams-js/2.34.0/js/MicrosoftTeams.min.js";

    /// <summary>HTML-encodes markup characters only: Chinese text stays as it is.</summary>
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string Html(CultureInfo c, Customer customer, CheckIn? open, TimeZoneInfo zone)
    {
        string H(string key, params object[] args) => Encoder.Encode(T.Get(c, key, args));
        var texts = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["locating"] = T.Get(c, "checkIn.locating"), ["accuracy"] = T.Get(c, "checkIn.accuracy"), ["denied"] = T.Get(c, "checkIn.denied"),
            ["unavailable"] = T.Get(c, "checkIn.unavailable"), ["sending"] = T.Get(c, "checkIn.sending"), ["failed"] = T.Get(c, "checkIn.failed"),
        });
        var openState = open is null ? "null" : JsonSerializer.Serialize(new { id = open.Id, at = Local(open.At, zone) });
        return $$"""
            <!doctype html>
            <html lang="{{c.Name}}">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{H("checkIn.title", customer.Name)}}</title>
            <style>
              body { font-family: "Segoe UI", "Noto Sans CJK SC", system-ui, sans-serif; margin: 0; padding: 16px; max-width: 480px; color: #242424; }
              h1 { font-size: 1.25rem; margin: 0 0 4px; }
              p { margin: 8px 0; line-height: 1.4; }
              .subtle { color: #616161; font-size: .9rem; }
              button { font: inherit; padding: 10px 20px; border-radius: 4px; border: 1px solid #5b5fc7; background: #5b5fc7; color: #fff; margin: 8px 8px 0 0; }
              button.secondary { background: #fff; color: #5b5fc7; }
              button[disabled] { opacity: .5; }
              #status.flag { color: #c4314b; font-weight: 600; }
              #status.ok { color: #0e700e; font-weight: 600; }
            </style>
            </head>
            <body>
            <h1>{{H("checkIn.title", customer.Name)}}</h1>
            <p class="subtle">{{H("checkIn.privacy")}}</p>
            <p id="status" role="status" aria-live="polite">{{(open is null ? H("checkIn.ready") : H("checkIn.checkedInAt", Local(open.At, zone)))}}</p>
            <button id="in" type="button"{{(open is null ? "" : " hidden")}}>{{H("checkIn.in")}}</button>
            <button id="out" type="button" class="secondary"{{(open is null ? " hidden" : "")}}>{{H("checkIn.out")}}</button>
            <script>
            const texts = {{texts}};
            const state = { id: crypto.randomUUID(), open: {{openState}} };
            const status = document.getElementById("status"), inButton = document.getElementById("in"), outButton = document.getElementById("out");
            // Inside Teams the page is framed by the Teams host; a browser opens it on its own.
            const inTeams = window.parent !== window;
            let teams = null;
            if (inTeams) {
              const s = document.createElement("script");
              s.src = "{{TeamsJs}}";
              s.onload = async () => { try { await microsoftTeams.app.initialize(); teams = microsoftTeams; } catch { teams = null; } };
              document.head.appendChild(s);
            }
            function say(text, kind) { status.textContent = text; status.className = kind || ""; }
            async function where() {
              if (teams && teams.geoLocation && teams.geoLocation.isSupported()) {
                try {
                  await teams.geoLocation.requestPermission();
                  const l = await teams.geoLocation.getCurrentLocation();
                  return { latitude: l.latitude, longitude: l.longitude, accuracy: typeof l.accuracy === "number" ? l.accuracy : null };
                } catch { /* desktop and web Teams: the browser's own below */ }
              }
              if (teams && teams.location && teams.location.getLocation) {
                // Older Teams mobile clients: the location capability before geoLocation.
                const l = await new Promise(resolve => teams.location.getLocation({ allowChooseLocation: false, showMap: false },
                  (error, found) => resolve(error ? null : found)));
                if (l) return { latitude: l.latitude, longitude: l.longitude, accuracy: typeof l.accuracy === "number" ? l.accuracy : null };
              }
              return new Promise((resolve, reject) => navigator.geolocation
                ? navigator.geolocation.getCurrentPosition(
                    p => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }),
                    e => reject(e), { enableHighAccuracy: true, timeout: 20000, maximumAge: 0 })
                : reject({ code: 2 }));
            }
            async function send(body) {
              say(texts.sending);
              const response = await fetch(location.href, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
              const answer = await response.json().catch(() => ({ message: texts.failed }));
              say(answer.message || texts.failed, response.ok ? (answer.flagged ? "flag" : "ok") : "flag");
              return response.ok ? answer : null;
            }
            inButton.addEventListener("click", async () => {
              inButton.disabled = true;
              say(texts.locating);
              try {
                const p = await where();
                if (p.accuracy != null) say(texts.accuracy.replace("{0}", Math.round(p.accuracy)));
                const answer = await send({ action: "in", id: state.id, latitude: p.latitude, longitude: p.longitude, accuracy: p.accuracy });
                if (answer) {
                  state.open = { id: answer.id };
                  inButton.hidden = true; outButton.hidden = false;
                  if (teams) teams.dialog.url.submit({ verb: "checkin.done", checkIn: answer.id });
                }
              } catch (e) {
                say(e && e.code === 1 ? texts.denied : texts.unavailable, "flag");
              } finally { inButton.disabled = false; }
            });
            outButton.addEventListener("click", async () => {
              outButton.disabled = true;
              const answer = await send({ action: "out", id: state.open ? state.open.id : state.id });
              if (answer) {
                outButton.hidden = true;
                if (teams) teams.dialog.url.submit({ verb: "checkin.done", checkIn: answer.id });
              }
              outButton.disabled = false;
            });
            </script>
            </body>
            </html>
            """;
    }

    /// <summary>A refused page: the link is expired, altered, or its maker may no longer log visits there.</summary>
    public static string Refused(CultureInfo c) =>
        $"<!doctype html><html lang=\"{c.Name}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>"
        + $"<body style=\"font-family:system-ui,sans-serif;padding:16px\"><p>{WebUtility.HtmlEncode(T.Get(c, "checkIn.linkRefused"))}</p></body></html>";

    static string Local(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
}
