from app.files import FileStore  # the new module itself may import through the old path
