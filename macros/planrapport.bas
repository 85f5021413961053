Attribute VB_Name = "Module1"
Option Explicit

' The buttons of the plan workbook. Each one checks that the Python named on the hidden sheet xlwings.conf exists,
' runs an entry point of the installed planrapport package through xlwings' RunPython (module xlwings, as xlwings
' ships it) and turns every way that can fail into one Dutch message. On success planrapport itself says where
' the document is and opens it in Word.

Private Const TITLE As String = "planrapport"
Private Const PYTHON_CALL As String = "import planrapport.buttons; planrapport.buttons."
' With SHOW_ERROR_POPUPS False on xlwings.conf, xlwings puts Python's error on this sheet instead of a popup.
Private Const ERROR_SHEET As String = "Error"
Private Const GUIDE As String = "de installatiegids van planrapport (docs/installatie.md), deel "
' Where a pc that blocks the buttons finds planrapport's window (planrapport venster), as install-windows.ps1 puts it.
Private Const WINDOW_ROUTE As String = "Start planrapport via het menu Start > planrapport, of klik met de " _
    & "rechtermuisknop op het werkboek > Kopiëren naar > planrapport"
' The copy `planrapport zelftest` clicks has this setting: messages go beside it, so its clicks run unattended.
Private Const CONFIG_SHEET As String = "xlwings.conf"
Private Const SELFTEST_KEY As String = "PLANRAPPORT_ZELFTEST"

Public Sub Controleer()
    RunButton "check", "planrapport controleert het werkboek ...", "Controleer"
End Sub

Public Sub GenereerJaarrapport()
    RunButton "year_report", "planrapport maakt het jaarrapport ...", "Genereer jaarrapport"
End Sub

Public Sub GenereerBeleidsplan()
    RunButton "plan_document", "planrapport maakt het beleidsplan ...", "Genereer beleidsplan"
End Sub

' The yearly cycle, in its order.

Public Sub NieuwJaar()
    RunButton "new_year", "planrapport begint een nieuw rapportjaar ...", "Nieuw jaar"
End Sub

Public Sub VraagOpvolgingOp()
    RunButton "ask_follow_up", "planrapport maakt de bestanden voor de trekkers ...", "Vraag opvolging op"
End Sub

Public Sub VerzamelOpvolging()
    RunButton "collect_follow_up", "planrapport verzamelt de opvolging ...", "Verzamel opvolging"
End Sub

Public Sub DienIn()
    RunButton "submit", "planrapport dient het jaarrapport in ...", "Dien in"
End Sub

' The end of the plan period.

Public Sub MaakEvaluatie()
    RunButton "evaluation", "planrapport maakt de evaluatie van de planperiode ...", "Maak evaluatie"
End Sub

Public Sub NieuwPlan()
    RunButton "next_plan", "planrapport maakt het werkboek van het volgende plan ...", "Nieuw plan"
End Sub

Private Sub RunButton(ByVal entry As String, ByVal busy As String, ByVal caption As String)
    Dim stage As Integer, interpreter As String, hadErrorSheet As Boolean, result As Variant
    Dim number As Long, description As String, appeared As Boolean, pythonError As String
    Dim alternative As String
    alternative = WithoutButton(caption)
    On Error GoTo Failed
    stage = 1  ' reading xlwings.conf already needs the Windows Script Host (xlwings expands %LOCALAPPDATA%)
    interpreter = CStr(GetConfig("INTERPRETER_WIN", ""))
    If Len(interpreter) = 0 Or Not FileExists(interpreter) Then
        Tell PythonNotFound(interpreter, alternative)
        Exit Sub
    End If
    hadErrorSheet = SheetExists(ThisWorkbook, ERROR_SHEET)
    stage = 2
    Application.StatusBar = busy
    result = RunPython(PYTHON_CALL & entry & "()")
    Application.StatusBar = False
    If Not hadErrorSheet Then appeared = SheetExists(ThisWorkbook, ERROR_SHEET)
    If appeared Then
        pythonError = TakeErrorSheet()
    ElseIf hadErrorSheet And CStr(result) = "-1" Then
        ' The workbook had a sheet of that name already: xlwings wrote into it, and it stays.
        pythonError = CStr(ThisWorkbook.Worksheets(ERROR_SHEET).Range("A1").Value)
    End If
    If appeared Or CStr(result) = "-1" Then
        If Len(Trim$(pythonError)) = 0 Or InStr(1, pythonError, "cmd.exe", vbTextCompare) > 0 Then
            Tell ShellBlocked(0, "de opdrachtprompt stopte zonder melding", alternative)
        Else
            Tell PythonFailed(pythonError, alternative)
        End If
    End If
    Exit Sub
Failed:
    number = Err.Number
    description = Err.Description
    Resume Report
Report:
    On Error Resume Next
    Application.StatusBar = False
    If stage = 2 And Not hadErrorSheet Then
        If SheetExists(ThisWorkbook, ERROR_SHEET) Then pythonError = TakeErrorSheet()
    End If
    On Error GoTo 0
    If stage = 2 And IsAccessDenied(number, description) Then
        Tell NotAllowed(number, description, alternative)
    Else
        Tell ShellBlocked(number, description, alternative)
    End If
End Sub

Private Function IsAccessDenied(ByVal number As Long, ByVal description As String) As Boolean
    ' 70: "Permission denied" / "Toegang geweigerd"; &H80070005: "Access is denied" from WScript.Shell.Run.
    IsAccessDenied = number = 70 Or number = &H80070005 _
        Or InStr(1, description, "denied", vbTextCompare) > 0 _
        Or InStr(1, description, "geweigerd", vbTextCompare) > 0
End Function

Private Function TakeErrorSheet() As String
    ' The sheet xlwings added for this click: read Python's message and remove the sheet again.
    Dim sheet As Worksheet
    Set sheet = ThisWorkbook.Worksheets(ERROR_SHEET)
    TakeErrorSheet = CStr(sheet.Range("A1").Value)
    Application.DisplayAlerts = False
    sheet.Delete
    Application.DisplayAlerts = True
End Function

Private Function WithoutButton(ByVal caption As String) As String
    ' The same step without macros and without a program started by Excel: planrapport's own window.
    WithoutButton = "Zonder de knop: bewaar het werkboek. " & WINDOW_ROUTE & ", en klik in het venster op '" _
        & caption & "'."
End Function

Private Function PythonNotFound(ByVal interpreter As String, ByVal alternative As String) As String
    PythonNotFound = "De knop vindt Python niet op deze pc. planrapport zoekt:" & vbCrLf & interpreter & vbCrLf _
        & "(blad xlwings.conf, cel B1). Meestal is planrapport op deze pc niet of voor een andere gebruiker " _
        & "geïnstalleerd." & vbCrLf & vbCrLf _
        & "Vraag de informaticadienst planrapport voor u te installeren met install-windows.ps1: zie " & GUIDE _
        & """Python voor de knoppen niet gevonden""." & vbCrLf & vbCrLf & alternative
End Function

Private Function NotAllowed(ByVal number As Long, ByVal description As String, ByVal alternative As String) As String
    NotAllowed = "Excel mag Python niet starten (fout " & number & ": " & description & "). Meestal blokkeert " _
        & "Microsoft Defender dat Office-programma's een ander programma starten." & vbCrLf & vbCrLf _
        & "Vraag de informaticadienst een uitzondering voor planrapport op de Defender-regel 'Block all Office " _
        & "applications from creating child processes': zie " & GUIDE & """Excel mag Python niet starten""." _
        & vbCrLf & vbCrLf & alternative
End Function

Private Function ShellBlocked(ByVal number As Long, ByVal description As String, ByVal alternative As String) As String
    ShellBlocked = "Excel kan Python niet starten via de opdrachtprompt (" & IIf(number = 0, "", "fout " & number _
        & ": ") & description & "). Windows Script Host of de opdrachtprompt (cmd.exe) is op deze pc " _
        & "geblokkeerd." & vbCrLf & vbCrLf _
        & "Vraag de informaticadienst Windows Script Host en cmd.exe toe te laten voor Excel: zie " & GUIDE _
        & """Windows Script Host of de opdrachtprompt geblokkeerd""." & vbCrLf & vbCrLf & alternative
End Function

Private Function PythonFailed(ByVal pythonError As String, ByVal alternative As String) As String
    If Len(pythonError) > 700 Then pythonError = "..." & Right$(pythonError, 700)
    PythonFailed = "Python is gestart, maar stopte met een fout:" & vbCrLf & pythonError & vbCrLf & vbCrLf _
        & "Uw eigen gegevens zijn niet gewijzigd. Vraag de informaticadienst de installatie na te kijken met " _
        & "'planrapport zelftest': zie " & GUIDE & """Python stopt met een fout""." & vbCrLf & vbCrLf & alternative
End Function

Private Sub Tell(ByVal message As String)
    ' On the copy `planrapport zelftest` clicks, the message goes beside the setting SELFTEST_KEY, not in a box.
    Dim settings As Worksheet, row As Long
    On Error Resume Next
    Set settings = ThisWorkbook.Worksheets(CONFIG_SHEET)
    On Error GoTo 0
    If Not settings Is Nothing Then
        For row = 1 To 50
            If Len(CStr(settings.Cells(row, 1).Value)) = 0 Then Exit For
            If CStr(settings.Cells(row, 1).Value) = SELFTEST_KEY Then
                settings.Cells(row, 3).Value = "NIET OK" & vbTab & message
                Exit Sub
            End If
        Next row
    End If
    MsgBox message, vbExclamation, TITLE
End Sub
