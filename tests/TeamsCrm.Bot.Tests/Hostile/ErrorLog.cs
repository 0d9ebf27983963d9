using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace TeamsCrm.Bot.Tests.Hostile;

/// <summary>
/// Every error the bot logs while hostile requests run, with the case that caused it: each request carries its case
/// number in <see cref="CaseHeader"/>, read here from the request being served. An error with an exception is a
/// crash the app caught (a handler that threw on hostile data answers "something went wrong") or one nobody caught.
/// </summary>
sealed class ErrorLog(IHttpContextAccessor http) : ILoggerProvider
{
    readonly IHttpContextAccessor _http = http;
    public const string CaseHeader = "X-Hostile-Case";
    readonly ConcurrentQueue<(string? Case, string Category, string Message, Exception? Exception)> _errors = new();

    public IReadOnlyList<(string? Case, string Category, string Message, Exception? Exception)> Errors => [.. _errors];

    public void Clear() => _errors.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    sealed class Logger(ErrorLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var request = owner._http.HttpContext?.Request;
            var which = request is not null && request.Headers.TryGetValue(CaseHeader, out var id) ? id.ToString() : null;
            owner._errors.Enqueue(((string?)which, category, formatter(state, exception), exception));
        }
    }
}
