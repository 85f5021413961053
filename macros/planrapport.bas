Attribute VB_Name = "planrapport"
Option Explicit

' The buttons of the plan workbook. Each one runs an entry point of the installed planrapport package
' through xlwings (module xlwings); the interpreter is set on the hidden sheet xlwings.conf.

Public Sub Controleer()
    RunPython "import planrapport.buttons; planrapport.buttons.check()"
End Sub

Public Sub GenereerJaarrapport()
    RunPython "import planrapport.buttons; planrapport.buttons.year_report()"
End Sub

Public Sub GenereerBeleidsplan()
    RunPython "import planrapport.buttons; planrapport.buttons.plan_document()"
End Sub
