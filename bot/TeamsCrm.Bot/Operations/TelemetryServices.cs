using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using OpenTelemetry.Resources;

namespace TeamsCrm.Bot.Operations;

public static class TelemetryServices
{
    /// <summary>
    /// Logs: JSON lines on the console when the bot runs authenticated (deployed) and Logging:Console:FormatterName
    /// does not say otherwise — App Service and container hosts collect stdout. Traces and metrics: exported by OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set (the SDK reads the standard OTEL_* variables); without it nothing is exported
    /// and the instruments cost next to nothing.
    /// </summary>
    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var deployed = !string.IsNullOrWhiteSpace(config["Bot:AppId"]);
        if (deployed && string.IsNullOrWhiteSpace(config["Logging:Console:FormatterName"]))
            builder.Logging.AddConsole(o => o.FormatterName = ConsoleFormatterNames.Json);

        if (!string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService(config["OTEL_SERVICE_NAME"] ?? BotTelemetry.Name))
                .WithTracing(t => t.AddSource(BotTelemetry.Name, "Microsoft.AspNetCore").AddOtlpExporter())
                .WithMetrics(m => m.AddMeter(BotTelemetry.Name, "Microsoft.AspNetCore.Hosting", "System.Net.Http").AddOtlpExporter());
        }
        return builder;
    }
}
