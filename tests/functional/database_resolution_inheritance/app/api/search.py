from fastapi import APIRouter, Depends

from app.database.factory import VectorDatabaseInterface, get_vector_db_dependency  # [database-import]

router = APIRouter()


@router.get("/search")
async def search(query: str, vector_db: VectorDatabaseInterface = Depends(get_vector_db_dependency)):
    return await vector_db.search(query)  # [direct-database-access]
