using MtaAudit.Tools;

// dotnet run --project tools/MtaAudit.KbBuilder -- REFERENCE.json OUT.json VERSION DATE
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: MtaAudit.KbBuilder REFERENCE.json OUT.json VERSION yyyy-MM-dd");
    return 2;
}
try
{
    using var reference = File.OpenRead(args[0]);
    var json = KbBuilder.BuildJson(reference, args[2], args[3]);
    var tmp = args[1] + ".tmp";
    File.WriteAllText(tmp, json, new System.Text.UTF8Encoding(false));
    File.Move(tmp, args[1], overwrite: true);
    return 0;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
{
    Console.Error.WriteLine($"MtaAudit.KbBuilder: {args[0]}: {e.Message}");
    return 1;
}
