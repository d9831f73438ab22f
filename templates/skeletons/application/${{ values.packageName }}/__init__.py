${{ values.pythonDocstring }}
