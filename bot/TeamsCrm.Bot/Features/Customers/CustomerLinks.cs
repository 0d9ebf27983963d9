using System.Globalization;
using TeamsCrm.Bot.Cards;

namespace TeamsCrm.Bot.Features.Customers;

/// <summary>
/// A customer file's stable address on the bot's domain, https://&lt;domain&gt;/customers/C-2026-00042: what Teams unfurls when it
/// is pasted into a compose box (the domain is in the manifest's messageHandlers), and in a browser a page that says what
/// it is and how to open it in Teams — never anything of the file, not even whether it exists.
/// </summary>
public static class CustomerLinks
{
    public const string PathPrefix = "/customers/";

    /// <summary>The file's number in a link to it; null for any other address.</summary>
    public static string? NumberIn(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.AbsolutePath.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase)
            ? CustomerNumbers.Parse(Uri.UnescapeDataString(uri.AbsolutePath[PathPrefix.Length..]).TrimEnd('/'))
            : null;

    public static void MapCustomerLinks(this WebApplication app) => app.MapGet(PathPrefix + "{number}", Page);

    /// <summary>The page a browser gets: in the language it asks for first (Chinese or English); 404 for an address that names no file number.</summary>
    static IResult Page(string number, HttpRequest http)
    {
        var c = http.Headers.AcceptLanguage.ToString().StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? T.CultureFor("zh-CN") : T.English;
        if (CustomerNumbers.Parse(number) is not { } parsed)
            return Results.Content(Html(c, T.Get(c, "link.notAFile")), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
        return Results.Content(Html(c, T.Get(c, "link.howToOpen", parsed)), "text/html; charset=utf-8");
    }

    static string Html(CultureInfo c, string body)
    {
        static string e(string? text) => System.Net.WebUtility.HtmlEncode(text) ?? "";
        return $"""
            <!DOCTYPE html>
            <html lang="{e(c.Name)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex"><title>{e(T.Get(c, "link.title"))}</title>
            <style>body{"{"}font-family:"Segoe UI","Noto Sans CJK SC",sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5{"}"}</style>
            </head><body><h1>{e(T.Get(c, "link.title"))}</h1><p>{e(body)}</p></body></html>
            """;
    }
}
