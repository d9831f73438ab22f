${{ values.description | dump }}
