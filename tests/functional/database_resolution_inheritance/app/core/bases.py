from app.database.factory import DatabaseFactory, VectorDatabaseInterface


class BaseService:
    def __init__(self):
        self.vector_db: VectorDatabaseInterface = DatabaseFactory.create_vector_db()
        self.name = DatabaseFactory.describe()
